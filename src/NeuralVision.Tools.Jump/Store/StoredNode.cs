namespace NeuralVision.Tools.Jump.Store;

/// <summary>A recorded node as a best-first scan reads it, before its path is built.</summary>
internal readonly record struct StoredNode(long Id, double Rank, long LastAccess, EntryKind Kind);
