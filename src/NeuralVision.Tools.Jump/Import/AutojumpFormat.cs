using System.Globalization;
using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Jump.Import;

/// <summary>
/// autojump's `WEIGHT&lt;TAB&gt;PATH` lines. autojump keeps no visit times and weighs visits on its own scale, so both
/// are mapped:
/// <list type="bullet">
/// <item>autojump adds a visit as w' = sqrt(w² + 10²), so a directory visited n times weighs 10·√n. The rank is that
/// n again, (w / 10)², and at least 1 (a weight lowered with `autojump --decrease` would otherwise fall under
/// <see cref="Frecency.MinimumRank"/> and be dropped by the next aging).</item>
/// <item>The last access of every entry is <c>lastWrite</c>, the time autojump last wrote the file, which it does on
/// every directory change: the order among the imported entries stays autojump's, and they look as recent as autojump's
/// last use, no more.</item>
/// </list>
/// </summary>
public static class AutojumpFormat
{
    /// <summary>The weight autojump gives one visit.</summary>
    public const double WeightOfOneVisit = 10;

    public static double RankForWeight(double weight) => Math.Max(Frecency.MinimumRank, Math.Pow(weight / WeightOfOneVisit, 2));

    public static ImportFile Parse(ReadOnlySpan<byte> data, string fileName, long lastWrite, double maximumRank = ImportedValues.DefaultMaximumRank)
    {
        return TextLines.ParseEach(data, fileName, text => ParseLine(text, lastWrite, maximumRank));
    }

    private static LineResult ParseLine(string line, long lastWrite, double maximumRank)
    {

        // The weight never holds a tab, so splitting at the first one keeps a tab inside a path.
        int tab = line.IndexOf('\t', StringComparison.Ordinal);
        if (tab < 0)
        {
            return "expected WEIGHT<TAB>PATH";
        }

        string weightText = line[..tab].Trim();
        string path = line[(tab + 1)..];
        if (!double.TryParse(weightText, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out double weight)
            || !double.IsFinite(weight))
        {
            return $"weight '{weightText}' is not a non-negative number";
        }

        if (ImportedValues.CheckPath(path) is string badPath)
        {
            return badPath;
        }

        double rank = RankForWeight(weight);
        return ImportedValues.CheckRank(rank, maximumRank) is string badRank
            ? badRank
            : new JumpEntry(PathNormalizer.Normalize(path, "/"), rank, lastWrite);
    }
}
