namespace NeuralVision.Tools.Jump;

/// <summary>What <see cref="JumpRanking"/> sorts by: the entry, whether its last component is the last keyword, and its score.</summary>
internal readonly record struct RankKey(JumpEntry Entry, bool Exact, double Score);
