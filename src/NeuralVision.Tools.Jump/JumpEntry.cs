namespace NeuralVision.Tools.Jump;

/// <summary>What a recorded path is. Stored as an integer; the values are part of the database format.</summary>
public enum EntryKind
{
    Directory = 0,
    File = 1,
}

/// <summary>Which kinds of entry a query returns (fasd's -d, -f and -a).</summary>
public enum KindFilter
{
    Directories,
    Files,
    Any,
}

/// <summary>One recorded path: accumulated rank, last visit (Unix seconds) and whether it is a directory or a file.</summary>
public sealed record JumpEntry(string Path, double Rank, long LastAccess, EntryKind Kind = EntryKind.Directory)
{
    public double Score(long now) => Frecency.Score(Rank, LastAccess, now);

    public bool IsKind(KindFilter filter) => filter switch
    {
        KindFilter.Directories => Kind == EntryKind.Directory,
        KindFilter.Files => Kind == EntryKind.File,
        _ => true,
    };

    /// <summary>Whether the path still exists as what it was recorded as.</summary>
    public bool ExistsIn(Platform.IFileSystem fileSystem) =>
        Kind == EntryKind.Directory ? fileSystem.DirectoryExists(Path) : fileSystem.FileExists(Path);
}

/// <summary>A visit to record: the path and what it is.</summary>
public readonly record struct Visit(string Path, EntryKind Kind = EntryKind.Directory);

/// <summary>What orders the matches: frecency (the default), rank alone (fasd -r) or last visit alone (fasd -t).</summary>
public enum RankingMode
{
    Frecency,
    Rank,
    Recent,
}

/// <summary>What a query asks for. <see cref="Limit"/> null means every match.</summary>
public sealed record JumpQuery(
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> ExcludePaths,
    string? BaseDirectory,
    bool IncludeMissing,
    int? Limit,
    KindFilter Kinds = KindFilter.Directories,
    RankingMode Ranking = RankingMode.Frecency);

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

    private readonly record struct RankKey(JumpEntry Entry, bool Exact, double Score);
}
