using NeuralVision.Tools.Jump;
using NeuralVision.Tools.Jump.Sync;
using NeuralVision.Tools.Keys.Remote;
using NeuralVision.Tools.Platform;
using Renci.SshNet;

namespace NeuralVision.Tools.Sync;

/// <summary>
/// `nvt sync [user@]host`: logs in as `nvt keys copy` does (<see cref="SshLogin"/>), runs `nvt sync --serve` on the
/// remote through the exec channel (finding it in ~/.local/bin too, which a non-interactive login rarely has on
/// PATH) and exchanges states with it (<see cref="SyncProtocol"/>).
/// </summary>
internal static class RemoteSync
{
    /// <summary>What the remote prints on stderr when it has no nvt (before exiting 127).</summary>
    public const string NotInstalledMarker = "nvt-sync: nvt not found";

    /// <summary>Run by sh whatever the login shell is (fish and csh included).</summary>
    public const string ServeCommand =
        "exec sh -c 'PATH=\"$HOME/.local/bin:$PATH\"; export PATH; command -v nvt >/dev/null 2>&1 || { echo \""
        + NotInstalledMarker + "\" >&2; exit 127; }; exec nvt sync --serve'";

    public static SyncExchange Run(JumpDatabase database, SshLogin login, string destination, bool install, string? binaryPath, byte[] home, long now, Action<string> report)
    {
        using var shell = login.Shell();
        if (install)
        {
            RemoteInstall.Run(shell, login.Files, login.HostName, binaryPath ?? throw new NvtException("cannot find this nvt's own binary to upload"), report);
        }

        using var command = shell.CreateCommand(ServeCommand);
        var running = command.BeginExecute();
        SyncExchange exchange;
        try
        {
            using var input = command.CreateInputStream();
            exchange = SyncProtocol.Exchange(database, input, command.OutputStream, home, now);
        }
        catch (SyncFormatException e)
        {
            EndQuietly(command, running);
            throw Failure(command, destination, e.Message);
        }

        command.EndExecute(running);
        if (command.ExitStatus is int status and not 0)
        {
            // Both sides merged (the answer arrived whole); only the remote's ending went wrong.
            report($"nvt: the remote nvt sync --serve on {destination} exited with status {status} after the sync");
        }

        return exchange;
    }

    private static NvtException Failure(SshCommand command, string destination, string fallback)
    {
        string error = command.Error ?? "";
        if (command.ExitStatus == 127 && error.Contains(NotInstalledMarker, StringComparison.Ordinal))
        {
            return new NvtException(
                $"nvt is not installed on {destination} (not on PATH, not in ~/.local/bin); upload this one with: nvt sync {destination} --install",
                ExitCodes.SyncFailed);
        }

        // The remote nvt's own sentence (its stderr, first line) says more than the broken stream here.
        string line = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault("");
        return new NvtException($"the sync with {destination} failed: {(line.Length > 0 ? line : fallback)}; nothing was merged here", ExitCodes.SyncFailed);
    }

    private static void EndQuietly(SshCommand command, IAsyncResult running)
    {
        try
        {
            running.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(10));
            command.EndExecute(running);
        }
        catch (Exception e) when (e is Renci.SshNet.Common.SshException or InvalidOperationException or ArgumentException)
        {
            // The remote ended badly; what it printed is all there is.
        }
    }
}
