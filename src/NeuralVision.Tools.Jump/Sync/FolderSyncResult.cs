namespace NeuralVision.Tools.Jump.Sync;

/// <summary>What one `nvt sync --dir` did.</summary>
/// <param name="Machines">Other machines with files in the folder.</param>
/// <param name="StatesMerged">State files merged (a machine's delta alone, or its full file and delta).</param>
/// <param name="PathsChanged">Paths whose ranks or removal changed here.</param>
/// <param name="Written">This machine's file written, null when it was already up to date.</param>
/// <param name="Problems">Files that stopped the merge (then nothing was merged), one sentence each.</param>
/// <param name="Waiting">Machines skipped this time because a file has not arrived yet, one sentence each.</param>
public sealed record FolderSyncResult(
    int Machines, int StatesMerged, int PathsChanged, string? Written, long BytesWritten, IReadOnlyList<string> Problems, IReadOnlyList<string> Waiting);
