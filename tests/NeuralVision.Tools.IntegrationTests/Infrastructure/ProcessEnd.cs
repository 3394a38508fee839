using System.Diagnostics;

namespace NeuralVision.Tools.IntegrationTests.Infrastructure;

/// <summary>Ends a helper daemon a test started (ssh-agent, dbus-daemon) and releases its handle.</summary>
public static class ProcessEnd
{
    /// <summary>SIGKILL if it still runs, a wait of at most 5 s, then Dispose; a process that ended meanwhile is fine.</summary>
    public static void KillAndDispose(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // It was never started or has been reaped already.
        }

        process.Dispose();
    }
}
