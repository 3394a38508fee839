namespace NeuralVision.Tools.Jump.Import;

/// <summary>What a foreign file held: the entries that could be read and the problems with the rest.</summary>
/// <param name="SkippedEntries">How many entries the problems cost (a truncated db.zo loses every entry after the cut).</param>
/// <param name="LoweredRanks">How many ranks above NVT_MAXAGE / 10 were lowered to it.</param>
public sealed record ImportFile(IReadOnlyList<JumpEntry> Entries, IReadOnlyList<ImportProblem> Problems, int SkippedEntries, int LoweredRanks = 0);
