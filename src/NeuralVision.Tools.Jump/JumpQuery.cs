namespace NeuralVision.Tools.Jump;

/// <summary>What a query asks for. <see cref="Limit"/> null means every match.</summary>
public sealed record JumpQuery(
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> ExcludePaths,
    string? BaseDirectory,
    bool IncludeMissing,
    int? Limit,
    KindFilter Kinds = KindFilter.Directories,
    RankingMode Ranking = RankingMode.Frecency);
