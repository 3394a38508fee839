namespace NeuralVision.Tools.Keys;

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
