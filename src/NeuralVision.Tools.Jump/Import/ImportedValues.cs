namespace NeuralVision.Tools.Jump.Import;

/// <summary>Checks shared by every format.</summary>
internal static class ImportedValues
{
    /// <summary>NVT_MAXAGE / 10 at the default NVT_MAXAGE: the bound of an imported rank (see RankAging).</summary>
    public const double DefaultMaximumRank = Frecency.DefaultMaxAge / 10;

    /// <summary>
    /// Why an imported rank cannot be taken: it must be finite and above 0. A rank above NVT_MAXAGE / 10 is taken and
    /// lowered to that bound by <see cref="JumpImporter.Read"/>: rupa/z ages only when its total passes 9,000 and fasd
    /// at 2,000, so a heavy user's most-used directory often has a rank above 1,000, and refusing it would drop exactly
    /// the entry that matters most.
    /// </summary>
    public static string? CheckRank(double rank) =>
        double.IsFinite(rank) && rank > 0
            ? null
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"rank {rank} is not a finite number above 0");

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
