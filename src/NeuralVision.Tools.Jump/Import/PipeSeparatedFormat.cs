using System.Globalization;
using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Jump.Import;

/// <summary>
/// The `PATH|RANK|EPOCH` lines of z, zsh-z, z.lua and fasd. Fields are split from the right, so a '|' inside a path
/// survives (z.lua does the same); RANK may use ',' as its decimal separator (z.lua under some locales); CRLF line
/// ends and blank lines are tolerated. Every entry is returned as a directory: fasd's files are told apart later, on
/// disk (see <see cref="JumpImporter"/>).
/// </summary>
public static class PipeSeparatedFormat
{
    public static ImportFile Parse(ReadOnlySpan<byte> data, string fileName, double maximumRank = ImportedValues.DefaultMaximumRank) =>
        TextLines.ParseEach(data, fileName, line => ParseLine(line, maximumRank));

    private static LineResult ParseLine(string line, double maximumRank)
    {
        int epochBar = line.LastIndexOf('|');
        int rankBar = epochBar > 0 ? line.LastIndexOf('|', epochBar - 1) : -1;
        if (rankBar < 0)
        {
            return "expected PATH|RANK|EPOCH";
        }

        string path = line[..rankBar];
        string rankText = line[(rankBar + 1)..epochBar].Trim();
        string epochText = line[(epochBar + 1)..].Trim();
        if (ImportedValues.CheckPath(path) is string badPath)
        {
            return badPath;
        }

        // ',' is the decimal separator z.lua writes under locales that use one; no tool writes thousands separators.
        if (!double.TryParse(rankText.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out double rank)
            || !double.IsFinite(rank))
        {
            return $"rank '{rankText}' is not a non-negative number";
        }

        if (ImportedValues.CheckRank(rank, maximumRank) is string badRank)
        {
            return badRank;
        }

        if (!long.TryParse(epochText, NumberStyles.None, CultureInfo.InvariantCulture, out long epoch))
        {
            return $"time '{epochText}' is not a non-negative whole number of seconds";
        }

        return new JumpEntry(PathNormalizer.Normalize(path, "/"), rank, epoch);
    }
}
