using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Jump;

/// <summary>The database could not be opened, read or written; the message names the file and says why.</summary>
public sealed class DatabaseAccessException : NvtException
{
    public DatabaseAccessException(string path, Exception inner)
        : base($"cannot use the database {path}: {inner.Message}", ExitCodes.Error, [], inner)
    {
    }
}
