namespace NeuralVision.Tools.Platform.Processes;

/// <summary>The signal handling of one foreground child (see <see cref="IProcessRunner.BeginForeground"/>); disposing ends it.</summary>
public interface IForegroundScope : IDisposable
{
    /// <summary>
    /// Runs the program with nvt's stdin, stdout and stderr and waits for it. Returns its exit status, 128+N when it
    /// died of signal N (or when signal N reached nvt before it started). Throws
    /// <see cref="System.ComponentModel.Win32Exception"/> when it cannot be started.
    /// </summary>
    int Run(string program, IReadOnlyList<string> arguments);
}
