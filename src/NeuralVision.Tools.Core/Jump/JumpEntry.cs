namespace NeuralVision.Tools.Jump;

/// <summary>One recorded directory: its path, accumulated rank and last visit (Unix seconds).</summary>
public sealed record JumpEntry(string Path, double Rank, long LastAccess)
{
    public double Score(long now) => Frecency.Score(Rank, LastAccess, now);
}

/// <summary>What a query asks for. <see cref="Limit"/> null means every match.</summary>
public sealed record JumpQuery(
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> ExcludePaths,
    string? BaseDirectory,
    bool IncludeMissing,
    int? Limit);

/// <summary>
/// The result order, total so that equal inputs always give the same answer: entries whose last component is the
/// last keyword first, then higher score, more recent, shorter path, and finally the path itself.
/// </summary>
public static class JumpRanking
{
    public static List<JumpEntry> Order(IEnumerable<JumpEntry> entries, KeywordMatcher matcher, long now)
    {
        var keyed = entries.Select(entry => new RankKey(entry, matcher.IsExactLastComponent(entry.Path), entry.Score(now))).ToList();
        keyed.Sort(Compare);
        return keyed.ConvertAll(key => key.Entry);
    }

    private static int Compare(RankKey x, RankKey y)
    {
        int byExact = y.Exact.CompareTo(x.Exact);
        if (byExact != 0)
        {
            return byExact;
        }

        int byScore = y.Score.CompareTo(x.Score);
        if (byScore != 0)
        {
            return byScore;
        }

        int byRecency = y.Entry.LastAccess.CompareTo(x.Entry.LastAccess);
        if (byRecency != 0)
        {
            return byRecency;
        }

        int byLength = x.Entry.Path.Length.CompareTo(y.Entry.Path.Length);
        return byLength != 0 ? byLength : string.CompareOrdinal(x.Entry.Path, y.Entry.Path);
    }

    private readonly record struct RankKey(JumpEntry Entry, bool Exact, double Score);
}
