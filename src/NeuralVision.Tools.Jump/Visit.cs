namespace NeuralVision.Tools.Jump;

/// <summary>A visit to record: the path and what it is.</summary>
public readonly record struct Visit(string Path, EntryKind Kind = EntryKind.Directory);
