using System.Diagnostics;
using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Keys;

/// <summary>
/// A real OpenSSH ssh-agent for one test, in the foreground (-D) on a socket of its own, optionally as another user
/// (setpriv), so its keys are the test's alone. Dispose ends that process (by its id) and removes the socket.
/// </summary>
internal sealed class SshAgent : IDisposable
{
    private readonly Process process;

    public SshAgent(string socketPath, string? user = null)
    {
        SocketPath = socketPath;
        string[] command = ["ssh-agent", "-D", "-a", socketPath];
        var start = user is null
            ? new ProcessStartInfo(command[0], command[1..])
            : new ProcessStartInfo("setpriv", [$"--reuid={user}", $"--regid={user}", "--init-groups", "--", .. command]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        process = Process.Start(start)!;
        process.StandardInput.Close();
        var clock = Stopwatch.StartNew();
        while (!File.Exists(socketPath))
        {
            if (process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new InvalidOperationException($"ssh-agent did not make {socketPath}: {process.StandardError.ReadToEnd()}");
            }

            Thread.Sleep(20);
        }
    }

    public string SocketPath { get; }

    /// <summary>`ssh-add -l` against this agent: the keys it holds, as ssh-add lists them.</summary>
    public string List() => ChildProcess.Run("ssh-add", ["-l"], environment: new Dictionary<string, string> { ["SSH_AUTH_SOCK"] = SocketPath }).Stdout;

    /// <summary>`ssh-add KEY`, its passphrase given through an SSH_ASKPASS script (never on a command line).</summary>
    public void Add(string key, string askpass)
    {
        var added = ChildProcess.Run("setsid", ["--wait", "ssh-add", key], environment: new Dictionary<string, string>
        {
            ["SSH_AUTH_SOCK"] = SocketPath,
            ["SSH_ASKPASS"] = askpass,
            ["SSH_ASKPASS_REQUIRE"] = "force",
            ["DISPLAY"] = ":0",
        });
        Assert.True(added.ExitCode == 0, $"ssh-add {key}: {added.Stderr}");
    }

    public void Dispose()
    {
        ProcessEnd.KillAndDispose(process);
        File.Delete(SocketPath);
    }
}
