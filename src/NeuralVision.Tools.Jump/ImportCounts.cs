namespace NeuralVision.Tools.Jump;

/// <summary>
/// What an import did: <see cref="Added"/> new paths, <see cref="Merged"/> entries folded into a path that was already
/// there (in the database or earlier in the same file), and <see cref="DroppedByAging"/> entries whose rank fell below
/// <see cref="Frecency.MinimumRank"/> in the aging that followed.
/// </summary>
public sealed record ImportCounts(int Added, int Merged, int DroppedByAging);
