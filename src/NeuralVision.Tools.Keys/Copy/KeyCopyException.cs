using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Keys.Copy;

/// <summary>
/// `nvt keys copy` could not do what it was asked: exit status <see cref="ExitCodes.KeyCopyFailed"/>, the message is
/// the one line for stderr, and <see cref="NvtException.Details"/> holds what must come before it (OpenSSH's
/// host-key warning block), if anything.
/// </summary>
public sealed class KeyCopyException : NvtException
{
    public KeyCopyException(string message)
        : base(message, ExitCodes.KeyCopyFailed)
    {
    }

    public KeyCopyException(string message, Exception innerException)
        : base(message, ExitCodes.KeyCopyFailed, [], innerException)
    {
    }

    public KeyCopyException(string message, IReadOnlyList<string> details)
        : base(message, ExitCodes.KeyCopyFailed, details, null)
    {
    }
}
