namespace NeuralVision.Tools.Jump.Store;

/// <summary>The database or its directory is something nvt must not or cannot use (see <see cref="DataDirectoryCheck"/>).</summary>
public sealed class DatabaseUnusableException : Exception
{
    public DatabaseUnusableException(string reason)
        : base(reason)
    {
    }
}
