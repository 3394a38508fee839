namespace NeuralVision.Tools.Jump;

/// <summary>What a recorded path is. Stored as an integer; the values are part of the database format.</summary>
public enum EntryKind
{
    Directory = 0,
    File = 1,
}
