namespace NeuralVision.Tools.Jump;

/// <summary>
/// The result order, total so that equal inputs always give the same answer: entries whose last component is the
/// last keyword first, then higher score, more recent, shorter path, and finally the path itself. With
/// <see cref="RankingMode.Rank"/> or <see cref="RankingMode.Recent"/> the score is the rank or the last visit alone and
/// the last-component preference does not apply (fasd's -r and -t).
/// </summary>
public static class JumpRanking
{
    public static List<JumpEntry> Order(IEnumerable<JumpEntry> entries, KeywordMatcher matcher, long now, RankingMode mode = RankingMode.Frecency)
    {
        var keyed = entries.Select(entry => new RankKey(
            entry,
            mode == RankingMode.Frecency && matcher.IsExactLastComponent(entry.Path),
            mode switch
            {
                RankingMode.Rank => entry.Rank,
                RankingMode.Recent => entry.LastAccess,
                _ => entry.Score(now),
            })).ToList();
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
}
