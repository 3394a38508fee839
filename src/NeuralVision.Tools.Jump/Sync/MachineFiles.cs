namespace NeuralVision.Tools.Jump.Sync;

/// <summary>One machine's files in a sync folder: its full state (null when missing) and its deltas, in the order they were listed.</summary>
internal sealed class MachineFiles
{
    public string? Full { get; set; }

    public List<DeltaFile> Deltas { get; } = [];
}
