namespace NeuralVision.Tools.Jump.Store;

/// <summary>One visit that could not be written to the database when it happened.</summary>
public sealed record PendingVisit(string Path, double Increment, long Time, EntryKind Kind = EntryKind.Directory);
