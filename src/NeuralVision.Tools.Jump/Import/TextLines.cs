using System.Text;

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

/// <summary>A parsed line: the entry, or why there is none. Converts from either, so parsers simply return one.</summary>
internal readonly record struct LineResult(JumpEntry? Entry, string? Reason)
{
    public static implicit operator LineResult(JumpEntry entry) => new(entry, null);

    public static implicit operator LineResult(string reason) => new(null, reason);
}

/// <summary>Splits a text file into lines without decoding it first, so one line of bad UTF-8 costs that line only.</summary>
internal static class TextLines
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>One line: its text (null when it is not valid UTF-8), without the '\n' or a '\r' before it.</summary>
    public readonly record struct Line(string? Text, bool IsBlank);

    /// <summary>Parses each non-blank line; a bad line becomes a problem "FILE:LINE: reason".</summary>
    public static ImportFile ParseEach(ReadOnlySpan<byte> data, string fileName, Func<string, LineResult> parseLine)
    {
        var entries = new List<JumpEntry>();
        var problems = new List<ImportProblem>();
        int lineNumber = 0;
        foreach (var line in Split(data))
        {
            lineNumber++;
            if (line.IsBlank)
            {
                continue;
            }

            var result = line.Text is string text ? parseLine(text) : "not valid UTF-8";
            if (result.Entry is JumpEntry entry)
            {
                entries.Add(entry);
            }
            else
            {
                problems.Add(new ImportProblem($"{fileName}:{lineNumber}", result.Reason!));
            }
        }

        return new ImportFile(entries, problems, problems.Count);
    }

    public static List<Line> Split(ReadOnlySpan<byte> data)
    {
        var lines = new List<Line>();
        while (data.Length > 0)
        {
            int newline = data.IndexOf((byte)'\n');
            var bytes = newline < 0 ? data : data[..newline];
            data = newline < 0 ? [] : data[(newline + 1)..];
            if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
            {
                bytes = bytes[..^1];
            }

            string? text;
            try
            {
                text = StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                text = null;
            }

            lines.Add(new Line(text, text is not null && string.IsNullOrWhiteSpace(text)));
        }

        return lines;
    }
}
