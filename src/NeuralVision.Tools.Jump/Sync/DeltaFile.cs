namespace NeuralVision.Tools.Jump.Sync;

/// <summary>A delta in a sync folder, as its name describes it: the changes after <see cref="Since"/> up to <see cref="Sequence"/>.</summary>
internal sealed record DeltaFile(string Path, long Since, long Sequence);
