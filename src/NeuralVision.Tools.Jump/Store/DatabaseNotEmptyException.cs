namespace NeuralVision.Tools.Jump.Store;

/// <summary>An import without --merge found entries already in the database.</summary>
public sealed class DatabaseNotEmptyException : Exception
{
    public DatabaseNotEmptyException(long entryCount)
        : base($"the database already has {entryCount} {(entryCount == 1 ? "entry" : "entries")}")
    {
        EntryCount = entryCount;
    }

    public long EntryCount { get; }
}
