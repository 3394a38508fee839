using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Jump;

/// <summary>Answers "why did (or didn't) the jump go there?" by applying query's rules one by one and naming each that fails.</summary>
public static class MatchExplainer
{
    /// <summary>How many of the best-scoring entries that only share some keyword text are shown besides the matches.</summary>
    public const int NearMissCount = 10;

    /// <summary>
    /// Every entry the keywords match (whether or not query would return it), then the <see cref="NearMissCount"/>
    /// highest-scoring entries that contain some keyword text without matching. Entries query returns come first, in
    /// query's order, then the other matches, then the near misses by score.
    /// </summary>
    public static IReadOnlyList<CandidateExplanation> Explain(
        IReadOnlyList<JumpEntry> entries,
        IReadOnlyList<string> keywords,
        KindFilter kinds,
        ExcludeList excludes,
        IFileSystem fileSystem,
        long now)
    {
        var matcher = new KeywordMatcher(keywords);
        var matching = entries.Where(entry => matcher.IsMatch(entry.Path)).ToList();
        var explained = JumpRanking.Order(matching, matcher, now)
            .Select(entry => Describe(entry, matcher, kinds, excludes, fileSystem, now))
            .ToList();

        var returned = explained.Where(candidate => candidate.IsReturned).ToList();
        if (returned.Count > 0)
        {
            returned[0] = returned[0] with { IsBest = true };
        }

        var nearMisses = entries
            .Where(entry => !matcher.IsMatch(entry.Path)
                && keywords.Any(keyword => keyword.Length > 0 && entry.Path.Contains(keyword, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(entry => entry.Score(now))
            .ThenBy(entry => entry.Path, StringComparer.Ordinal)
            .Take(NearMissCount)
            .Select(entry => Describe(entry, matcher, kinds, excludes, fileSystem, now));

        return [.. returned, .. explained.Where(candidate => !candidate.IsReturned), .. nearMisses];
    }

    private static CandidateExplanation Describe(
        JumpEntry entry, KeywordMatcher matcher, KindFilter kinds, ExcludeList excludes, IFileSystem fileSystem, long now)
    {
        var reasons = new List<string>();
        if (matcher.WhyNotMatch(entry.Path) is string noMatch)
        {
            reasons.Add(noMatch);
        }

        if (!entry.IsKind(kinds))
        {
            string kind = entry.Kind == EntryKind.File ? "a file" : "a directory";
            string wanted = kinds == KindFilter.Files ? "files (--files)" : "directories (--dirs, the default)";
            reasons.Add($"it is {kind}, and only {wanted} were asked for");
        }

        if (!entry.ExistsIn(fileSystem))
        {
            reasons.Add(entry.Kind == EntryKind.File ? "the file does not exist now" : "the directory does not exist now");
        }

        if (excludes.Globs.FirstOrDefault(glob => glob.IsMatch(entry.Path)) is PathGlob glob)
        {
            reasons.Add($"excluded by the pattern '{glob.Pattern}' (NVT_EXCLUDE_DIRS; $HOME and / when unset)");
        }

        return new CandidateExplanation(
            entry,
            reasons,
            matcher.IsExactLastComponent(entry.Path),
            Frecency.Recency(entry.LastAccess, now),
            now - entry.LastAccess,
            entry.Score(now),
            IsBest: false);
    }
}
