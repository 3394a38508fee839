namespace NeuralVision.Tools.Platform.Processes;

/// <summary>
/// How nvt finds and starts other programs (ssh, fzf, `query --exec`'s command, SSH_ASKPASS), so commands can be
/// tested without processes. There is one PATH search, with execvp(3)'s rule.
/// </summary>
public interface IProcessRunner
{
    /// <summary>
    /// The first executable <paramref name="name"/> in PATH: each entry in order, an empty entry meaning the current
    /// directory, a regular file with an execute bit set; null when there is none. (A name with a '/' in it is a path,
    /// which callers use as it is, as execvp does.)
    /// </summary>
    string? FindOnPath(string name);

    /// <summary>
    /// Starts a scope for one foreground child with nvt's stdin, stdout and stderr. While it lasts nvt ignores SIGINT
    /// and SIGQUIT (the terminal sends them to the child too, and the child decides). With
    /// <paramref name="forwardTermination"/>, a SIGTERM or SIGHUP sent to nvt is passed on to the child, and one that
    /// arrives before the child starts means it is never started.
    /// </summary>
    IForegroundScope BeginForeground(bool forwardTermination);

    /// <summary>
    /// Runs a program with its output captured and waits for it. Null when it does not finish within the timeout (it
    /// is killed). Throws <see cref="System.ComponentModel.Win32Exception"/> when it cannot be started.
    /// </summary>
    CapturedRun? Capture(CaptureRequest request);
}
