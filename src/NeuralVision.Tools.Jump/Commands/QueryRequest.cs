namespace NeuralVision.Tools.Jump.Commands;

/// <summary>What `nvt query` was asked for.</summary>
internal sealed record QueryRequest(
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Exclude,
    string? BaseDirectory,
    bool List,
    bool Scores,
    bool All,
    bool Interactive = false,
    KindFilter Kinds = KindFilter.Directories,
    RankingMode Ranking = RankingMode.Frecency,
    bool Reverse = false,
    int Nth = 1,
    string? Exec = null)
{
    public JumpQuery ToJumpQuery() => new(Keywords, Exclude, BaseDirectory, All, List || Interactive ? null : Nth, Kinds, Ranking);

    public bool Equals(QueryRequest? other) =>
        other is not null
        && Keywords.SequenceEqual(other.Keywords)
        && Exclude.SequenceEqual(other.Exclude)
        && (BaseDirectory, List, Scores, All, Interactive) == (other.BaseDirectory, other.List, other.Scores, other.All, other.Interactive)
        && (Kinds, Ranking, Reverse, Nth, Exec) == (other.Kinds, other.Ranking, other.Reverse, other.Nth, other.Exec);

    public override int GetHashCode() => HashCode.Combine(Keywords.Count, BaseDirectory, List, Scores, All);
}
