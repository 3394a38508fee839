namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// Where a query's candidates come from. The pieces: the last keyword's text after its last '/' (it must be in the last
/// component) and each earlier keyword's longest '/'-piece (it must be in some component). When the rarest earlier
/// piece's nodes are much rarer than the last piece's (a subtree holds about <see cref="SubtreeGuess"/> nodes), the
/// subtrees under them are read (<see cref="QueryPlanKind.Descend"/>); otherwise the nodes whose own name holds the last
/// piece (<see cref="QueryPlanKind.Leaves"/>, best first when one answer is wanted).
/// </summary>
internal sealed record QueryPlan(QueryPlanKind Kind, string LastPiece, List<NameMatch>? LastNames, List<NameMatch>? StartNames)
{
    private const long SubtreeGuess = 25;

    public static QueryPlan For(StoreConnection connection, IReadOnlyList<string> keywords)
    {
        if (keywords.Count == 0)
        {
            return new QueryPlan(QueryPlanKind.All, string.Empty, null, null);
        }

        var pieces = new List<string> { Fold(keywords[^1][(keywords[^1].LastIndexOf('/') + 1)..]) };
        pieces.AddRange(keywords.Take(keywords.Count - 1).Select(keyword => Fold(keyword.Split('/').MaxBy(part => part.Length) ?? string.Empty)));
        var names = NameIndex.NamesContaining(connection, pieces);
        if (names.Any(found => found is { Count: 0 }))
        {
            return new QueryPlan(QueryPlanKind.None, pieces[0], null, null);
        }

        var last = names[0];
        long lastCount = last?.Sum(name => name.Nodes) ?? long.MaxValue;
        var rarest = names.Skip(1).Where(found => found is not null).MinBy(found => found!.Sum(name => name.Nodes));
        if (rarest is not null && (last is null || rarest.Sum(name => name.Nodes) * SubtreeGuess < lastCount))
        {
            return new QueryPlan(QueryPlanKind.Descend, pieces[0], last, rarest);
        }

        return last is null
            ? new QueryPlan(QueryPlanKind.All, pieces[0], null, null)
            : new QueryPlan(QueryPlanKind.Leaves, pieces[0], last, null);
    }

    private static string Fold(string text) => text.ToLowerInvariant();
}
