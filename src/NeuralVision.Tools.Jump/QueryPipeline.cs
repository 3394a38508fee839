using NeuralVision.Tools.Jump.Store;
using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Jump;

/// <summary>
/// The one query pipeline, as zoxide's stream: keywords, kind, excluded paths, NVT_EXCLUDE_DIRS, base directory and
/// existence are all applied here, before the limit, so an excluded or missing best match lets the next one through.
/// Missing entries not visited for <see cref="Frecency.MissingEntryGraceSeconds"/> are collected in <see cref="Stale"/>.
/// </summary>
internal sealed class QueryPipeline
{
    private readonly JumpQuery query;
    private readonly long now;
    private readonly IFileSystem fileSystem;
    private readonly ExcludeList excludes;

    public QueryPipeline(JumpQuery query, long now, IFileSystem fileSystem, ExcludeList excludes)
    {
        this.query = query;
        this.now = now;
        this.fileSystem = fileSystem;
        this.excludes = excludes;
        Matcher = new KeywordMatcher(query.Keywords);
    }

    public KeywordMatcher Matcher { get; }

    public List<string> Stale { get; } = [];

    /// <summary>Whether a best-first scan may stop early: one answer (or the Nth) by frecency.</summary>
    public bool CanStopEarly => query.Limit is not null && query.Ranking == RankingMode.Frecency;

    /// <summary>All candidates read: the ones that pass, in order, up to the limit.</summary>
    public List<JumpEntry> Run(IEnumerable<JumpEntry> candidates)
    {
        var results = new List<JumpEntry>();
        foreach (var entry in JumpRanking.Order(candidates.Where(Passes), Matcher, now, query.Ranking))
        {
            if (query.Limit is int limit && results.Count >= limit)
            {
                break;
            }

            if (Exists(entry))
            {
                results.Add(entry);
            }
        }

        return results;
    }

    /// <summary>
    /// The nodes named like the last keyword, read per name in falling rank. A score is at most
    /// <see cref="Frecency.MaximumFactor"/> x rank, so a name's scan stops once that cannot beat the worst of the best
    /// entries found. Entries whose last component is the last keyword rank before all others, so those names are read
    /// first, and the other names only while the exact ones do not fill the limit.
    /// </summary>
    public List<JumpEntry> RunBestFirst(IReadOnlyList<NameMatch> names, string lastPiece, EntryQueries queries)
    {
        int limit = query.Limit ?? int.MaxValue;
        var exact = new TopEntries(limit, Matcher, now);
        var other = new TopEntries(limit, Matcher, now);
        foreach (var name in names.OrderBy(name => name.Fold == lastPiece ? 0 : 1))
        {
            bool canBeExact = name.Fold == lastPiece;
            if (!canBeExact && exact.IsFull)
            {
                break;
            }

            foreach (var node in queries.ByRank(name.Id))
            {
                double otherThreshold = exact.IsFull ? double.PositiveInfinity : other.Threshold;
                double threshold = canBeExact ? Math.Min(exact.Threshold, otherThreshold) : otherThreshold;
                if (node.Rank * Frecency.MaximumFactor < threshold)
                {
                    break;
                }

                if (Frecency.Score(node.Rank, node.LastAccess, now) < threshold)
                {
                    continue;
                }

                var entry = new JumpEntry(queries.PathOf(node.Id), node.Rank, node.LastAccess, node.Kind);
                if (Passes(entry) && Exists(entry))
                {
                    (Matcher.IsExactLastComponent(entry.Path) ? exact : other).Add(entry);
                }
            }
        }

        return JumpRanking.Order([.. exact.Entries, .. other.Entries], Matcher, now).Take(limit).ToList();
    }

    private bool Passes(JumpEntry entry) =>
        entry.IsKind(query.Kinds)
        && Matcher.IsMatch(entry.Path)
        && !query.ExcludePaths.Contains(entry.Path, StringComparer.Ordinal)
        && !excludes.IsExcluded(entry.Path)
        && (query.BaseDirectory is null || PathNormalizer.IsAtOrBelow(entry.Path, query.BaseDirectory));

    private bool Exists(JumpEntry entry)
    {
        if (query.IncludeMissing || entry.ExistsIn(fileSystem))
        {
            return true;
        }

        if (now - entry.LastAccess > Frecency.MissingEntryGraceSeconds)
        {
            Stale.Add(entry.Path);
        }

        return false;
    }
}
