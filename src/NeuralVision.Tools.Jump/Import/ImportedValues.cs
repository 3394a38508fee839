namespace NeuralVision.Tools.Jump.Import;

/// <summary>Checks shared by every format.</summary>
internal static class ImportedValues
{
    /// <summary>NVT_MAXAGE / 10 at the default NVT_MAXAGE: the bound of an imported rank (see RankAging).</summary>
    public const double DefaultMaximumRank = Frecency.DefaultMaxAge / 10;

    /// <summary>Why an imported rank cannot be taken: it must be finite, above 0 and at most NVT_MAXAGE / 10.</summary>
    public static string? CheckRank(double rank, double maximumRank) =>
        double.IsFinite(rank) && rank > 0 && rank <= maximumRank
            ? null
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"rank {rank} is not between 0 and {maximumRank:0.###} (NVT_MAXAGE / 10)");

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

        if (System.Text.Encoding.UTF8.GetByteCount(path) > Journal.JournalDecoder.MaximumPathBytes)
        {
            return $"path is longer than PATH_MAX ({Journal.JournalDecoder.MaximumPathBytes + 1} bytes with its NUL)";
        }

        return path.Contains('\0', StringComparison.Ordinal) ? "path contains a NUL character" : null;
    }
}
