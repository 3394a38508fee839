using System.Text;

namespace NeuralVision.Tools.Jump.Import;

/// <summary>Splits a text file into lines without decoding it first, so one line of bad UTF-8 costs that line only.</summary>
internal static class TextLines
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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

    public static List<TextLine> Split(ReadOnlySpan<byte> data)
    {
        var lines = new List<TextLine>();
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

            lines.Add(new TextLine(text, text is not null && string.IsNullOrWhiteSpace(text)));
        }

        return lines;
    }
}
