namespace NeuralVision.Tools.Jump.Import;

/// <summary>Checks shared by every format.</summary>
internal static class ImportedValues
{
    public static string? CheckPath(string path)
    {
        if (path.Length == 0)
        {
            return "empty path";
        }

        if (!path.StartsWith('/'))
        {
            return $"path '{path}' is not absolute";
        }

        return path.Contains('\0', StringComparison.Ordinal) ? "path contains a NUL character" : null;
    }
}
