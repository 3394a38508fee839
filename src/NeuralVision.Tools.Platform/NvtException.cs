namespace NeuralVision.Tools.Platform;

/// <summary>
/// A failure to report as one line "nvt: MESSAGE" with the given exit code; the top level prints it (and only it:
/// inner exceptions are for NVT_DEBUG). Features derive their own failures from it, so every error is translated
/// once, where it is printed.
/// </summary>
public class NvtException : Exception
{
    public NvtException(string message, int exitCode = ExitCodes.Error)
        : this(message, exitCode, [], null)
    {
    }

    /// <param name="details">Lines printed before the "nvt: MESSAGE" line (OpenSSH's host-key warning block, say).</param>
    public NvtException(string message, int exitCode, IReadOnlyList<string> details, Exception? innerException)
        : base(message, innerException)
    {
        ExitCode = exitCode;
        Details = details;
    }

    public int ExitCode { get; }

    public IReadOnlyList<string> Details { get; }
}
