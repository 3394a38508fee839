namespace NeuralVision.Tools.Jump.Sync;

/// <summary>One path of a <see cref="SyncState"/>: what it was recorded as, its latest removal (0: none) and every machine's counts.</summary>
/// <param name="Path">Portable form: absolute, or "~" and the part under the sender's home (<see cref="PortablePath"/>).</param>
public sealed record SyncItem(byte[] Path, EntryKind Kind, long RemovalTime, IReadOnlyList<SyncCount> Counts);
