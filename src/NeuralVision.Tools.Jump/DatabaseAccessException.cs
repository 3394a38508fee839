namespace NeuralVision.Tools.Jump;

/// <summary>The database could not be opened, read or written; the message names the file.</summary>
public sealed class DatabaseAccessException : Exception
{
    public DatabaseAccessException(string path, Exception inner)
        : base($"cannot use the database {path}: {inner.Message}", inner)
    {
    }
}
