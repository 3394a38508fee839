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
