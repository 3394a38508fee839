using NeuralVision.Tools.Jump;
using NeuralVision.Tools.Jump.Sync;
using NeuralVision.Tools.Keys.Remote;
using NeuralVision.Tools.Platform;
using Renci.SshNet;

namespace NeuralVision.Tools.Sync;

/// <summary>
/// `nvt sync [user@]host`: logs in as `nvt keys copy` does (<see cref="SshLogin"/>), runs `nvt sync --serve` on the
/// remote through the exec channel (finding it in ~/.local/bin too, which a non-interactive login rarely has on
/// PATH) and exchanges states with it (<see cref="SyncProtocol"/>). A remote that sends something else, floods its
/// output or stops answering is cut off: the connection is closed at once rather than waited for.
/// </summary>
internal static class RemoteSync
{
    /// <summary>What the remote prints on stderr when it has no nvt (before exiting 127).</summary>
    public const string NotInstalledMarker = "nvt-sync: nvt not found";

    /// <summary>Run by sh whatever the login shell is (fish and csh included).</summary>
    public const string ServeCommand =
        "exec sh -c 'PATH=\"$HOME/.local/bin:$PATH\"; export PATH; command -v nvt >/dev/null 2>&1 || { echo \""
        + NotInstalledMarker + "\" >&2; exit 127; }; exec nvt sync --serve'";

    /// <summary>How long the exchange may take once logged in (a full state of 100,000 entries takes seconds).</summary>
    private static readonly TimeSpan ExchangeTimeout = TimeSpan.FromMinutes(2);

    /// <summary>How long to wait for the remote's exit status and message after it closed its output.</summary>
    private static readonly TimeSpan EndTimeout = TimeSpan.FromSeconds(5);

    /// <param name="installCommand">The command line that would upload nvt, for the message when the remote has none.</param>
    public static SyncExchange Run(
        JumpDatabase database, SshLogin login, string destination, string installCommand, bool install, string? binaryPath, byte[] home, long now, Action<string> report)
    {
        using var shell = login.Shell();
        if (install)
        {
            RemoteInstall.Run(shell, login.Files, login.HostName, binaryPath ?? throw new NvtException("cannot find this nvt's own binary to upload"), report);
        }

        using var command = shell.CreateCommand(ServeCommand);
        var running = command.BeginExecute();
        var errors = new RemoteErrorText(command.ExtendedOutputStream);
        var input = command.CreateInputStream();
        var exchange = Task.Run(() => SyncProtocol.Exchange(database, input, command.OutputStream, home, now));
        // Waiting on the handle, not Task.Wait: a failed exchange is looked at below, not thrown as an AggregateException.
        if (!((IAsyncResult)exchange).AsyncWaitHandle.WaitOne(ExchangeTimeout))
        {
            shell.Disconnect();
            throw new NvtException($"the sync with {destination} failed: no answer from nvt sync --serve there within {ExchangeTimeout.TotalMinutes} minutes", ExitCodes.SyncFailed);
        }

        if (exchange.Exception?.InnerException is SyncFormatException e)
        {
            // The remote closed its output: its exit status and message follow. Anything else it sent: cut it off now.
            bool closed = e.Message.Contains("connection closed", StringComparison.Ordinal);
            int? status = closed && running.AsyncWaitHandle.WaitOne(EndTimeout) ? command.ExitStatus : null;
            string line = closed ? errors.FirstLine(EndTimeout) : "";
            shell.Disconnect();
            throw Failure(destination, installCommand, status, errors, line, e.Message);
        }

        var result = exchange.GetAwaiter().GetResult();
        if (running.AsyncWaitHandle.WaitOne(EndTimeout))
        {
            command.EndExecute(running);
            if (command.ExitStatus is int status and not 0)
            {
                // Both sides merged (the answer arrived whole); only the remote's ending went wrong.
                report($"nvt: the remote nvt sync --serve on {destination} exited with status {status} after the sync");
            }
        }

        return result;
    }

    private static NvtException Failure(string destination, string installCommand, int? status, RemoteErrorText errors, string line, string fallback)
    {
        if (status == 127 && errors.Contains(NotInstalledMarker))
        {
            return new NvtException(
                $"nvt is not installed on {destination} (not on PATH, not in ~/.local/bin); upload this one with: {installCommand}",
                ExitCodes.SyncFailed);
        }

        // The remote nvt's own sentence (its stderr, first line) says more than a broken stream here.
        return new NvtException($"the sync with {destination} failed: {(line.Length > 0 ? line : fallback)}; nothing was merged here", ExitCodes.SyncFailed);
    }
}
