namespace NeuralVision.Tools.Jump.Store;

/// <summary>The database's schema version is one this nvt cannot use.</summary>
public sealed class DatabaseVersionException : Exception
{
    public DatabaseVersionException(long version, string reason)
        : base($"the database (schema version {version}) {reason}")
    {
        Version = version;
    }

    public long Version { get; }
}
