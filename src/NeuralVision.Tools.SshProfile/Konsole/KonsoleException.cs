namespace NeuralVision.Tools.SshProfile.Konsole;

/// <summary>A D-Bus error from Konsole or the bus; <see cref="ErrorName"/> is the D-Bus error name when there is one.</summary>
public sealed class KonsoleException : Exception
{
    public KonsoleException(string message, string? errorName = null, Exception? inner = null)
        : base(message, inner)
    {
        ErrorName = errorName;
    }

    public string? ErrorName { get; }
}
