namespace NeuralVision.Tools.Keys;

/// <summary>A key file nvt cannot read: not a key, a format or cipher it does not know, or damaged data.</summary>
public sealed class KeyFormatException : Exception
{
    public KeyFormatException()
    {
    }

    public KeyFormatException(string message)
        : base(message)
    {
    }

    public KeyFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The passphrase does not decrypt the key (OpenSSH tells this by the two check integers differing).</summary>
public sealed class WrongPassphraseException : Exception
{
    public WrongPassphraseException()
        : base("incorrect passphrase")
    {
    }

    public WrongPassphraseException(string message)
        : base(message)
    {
    }

    public WrongPassphraseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
