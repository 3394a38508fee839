using System.Globalization;
using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Sync;

/// <summary>
/// Reads the ranks of a jump database from what the published nvt prints. `nvt query -l -s -a` lists every entry as
/// "SCORE PATH", existing or not, and the score is the rank times a recency factor, which is 4 for a last visit under
/// an hour ago (`nvt explain` shows "score 8.0 = rank 2.0 x 4"); every visit of these tests is seconds old, so rank is
/// score / 4. `nvt stats` prints the total rank on its own, without any factor, as a cross-check.
/// </summary>
internal static class JumpRanks
{
    /// <summary>The recency factor of a visit under an hour ago.</summary>
    public const double RecentFactor = 4;

    /// <summary>The arguments that list every entry with its score.</summary>
    public static readonly string[] ListArguments = ["query", "-l", "-s", "-a"];

    /// <summary>The arguments that print the total rank.</summary>
    public static readonly string[] StatsArguments = ["stats"];

    /// <summary>Path to rank, from the output of <see cref="ListArguments"/>.</summary>
    public static SortedDictionary<string, double> FromListing(ProcessResult listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        Assert.True(listing.ExitCode is 0 or 1, $"nvt query -l -s -a failed ({listing.ExitCode}): {listing.Stderr}");
        var ranks = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (string line in listing.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string trimmed = line.TrimStart();
            int space = trimmed.IndexOf(' ', StringComparison.Ordinal);
            Assert.True(space > 0, $"not a \"SCORE PATH\" line: {line}");
            double score = double.Parse(trimmed[..space], NumberStyles.Float, CultureInfo.InvariantCulture);
            ranks.Add(trimmed[(space + 1)..], score / RecentFactor);
        }

        return ranks;
    }

    /// <summary>The "total rank" figure of <see cref="StatsArguments"/>.</summary>
    public static double TotalFromStats(ProcessResult stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        Assert.True(stats.ExitCode == 0, $"nvt stats failed ({stats.ExitCode}): {stats.Stderr}");
        string line = stats.Stdout.Split('\n').Single(text => text.StartsWith("total rank", StringComparison.Ordinal));
        string figure = line["total rank".Length..].TrimStart().Split(' ')[0];
        return double.Parse(figure, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
