namespace NeuralVision.Tools.Jump.Sync;

/// <summary>One machine's visits of one path, in units of 2^-20 of a visit: counted there, taken back by removals and aging, latest visit.</summary>
/// <param name="Machine">Index into <see cref="SyncState.Machines"/>.</param>
public readonly record struct SyncCount(int Machine, long Count, long Removed, long Last);
