namespace NeuralVision.Tools.Ssh;

/// <summary>
/// `nvt keys copy` could not do what it was asked. <see cref="Exception.Message"/> is the one line for stderr;
/// <see cref="Details"/> holds what must come before it (OpenSSH's host-key warning block), if anything.
/// </summary>
public sealed class KeyCopyException : Exception
{
    public KeyCopyException()
    {
        Details = [];
    }

    public KeyCopyException(string message)
        : base(message)
    {
        Details = [];
    }

    public KeyCopyException(string message, Exception innerException)
        : base(message, innerException)
    {
        Details = [];
    }

    public KeyCopyException(string message, IReadOnlyList<string> details)
        : base(message)
    {
        Details = details;
    }

    public IReadOnlyList<string> Details { get; }
}
