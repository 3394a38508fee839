using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace NeuralVision.Tools.Ssh;

/// <summary>How nvt starts ssh, so the switch-and-restore logic can be tested without processes.</summary>
public interface ISshProcess
{
    /// <summary>
    /// Runs ssh with nvt's stdin, stdout and stderr and waits for it. Returns its exit status, 128+N when it died of
    /// signal N.
    /// </summary>
    int Run(string sshPath, IReadOnlyList<string> args);

    /// <summary>Runs ssh with its output captured (for <c>ssh -G</c>); null when it fails or takes too long.</summary>
    string? Capture(string sshPath, IReadOnlyList<string> args, TimeSpan timeout);
}

/// <summary>What a captured ssh run printed, and its exit status.</summary>
public sealed record CapturedRun(int ExitCode, string Output, string Errors);

/// <summary>
/// The real ssh child, with the signal behaviour of system(3) plus forwarding. While nvt lives (from construction to
/// Dispose): SIGINT and SIGQUIT are ignored by nvt (the terminal sends them to ssh too, and ssh decides: an interactive
/// session passes Ctrl-C to the remote side); SIGTERM and SIGHUP are forwarded to ssh, and nvt goes on to wait for it
/// and restore the profile. A SIGTERM or SIGHUP that arrives before ssh starts means ssh is never started.
/// </summary>
public sealed partial class SshProcessRunner : ISshProcess, IDisposable
{
    private const int SigHup = 1;
    private const int SigTerm = 15;

    private readonly List<PosixSignalRegistration> registrations = [];
    private readonly Lock gate = new();
    private Process? child;
    private int pendingSignal;

    public SshProcessRunner()
    {
        registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, Ignore));
        registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Ignore));
        registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Forward(context, SigTerm)));
        registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => Forward(context, SigHup)));
    }

    /// <summary>The last SIGTERM or SIGHUP nvt received (0 for none).</summary>
    public int PendingSignal => Volatile.Read(ref pendingSignal);

    public int Run(string sshPath, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var start = new ProcessStartInfo(sshPath) { UseShellExecute = false };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        lock (gate)
        {
            if (pendingSignal != 0)
            {
                return 128 + pendingSignal;
            }

            try
            {
                process = Process.Start(start)!;
            }
            catch (Win32Exception e)
            {
                throw new InvalidOperationException($"cannot run {sshPath}: {e.Message}", e);
            }

            child = process;
        }

        using (process)
        {
            process.WaitForExit();
            lock (gate)
            {
                child = null;
            }

            // .NET reports a child killed by signal N as 128 + N, the shell convention nvt passes on.
            return process.ExitCode;
        }
    }

    public string? Capture(string sshPath, IReadOnlyList<string> args, TimeSpan timeout) =>
        CaptureRun(sshPath, args, timeout) is { ExitCode: 0 } run ? run.Output : null;

    /// <summary>
    /// Runs ssh with stdin closed and its output captured, without the signal handling of a runner instance (for
    /// <c>ssh -G</c>). Null when ssh cannot be started or takes longer than <paramref name="timeout"/> (it is killed).
    /// </summary>
    public static CapturedRun? CaptureRun(string sshPath, IReadOnlyList<string> args, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(args);
        var start = new ProcessStartInfo(sshPath)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill();
                return null;
            }

            return new CapturedRun(process.ExitCode, output.Result, errors.Result);
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        registrations.Clear();
    }

    private static void Ignore(PosixSignalContext context) => context.Cancel = true;

    private void Forward(PosixSignalContext context, int signal)
    {
        context.Cancel = true;
        lock (gate)
        {
            pendingSignal = signal;
            if (child is { } process)
            {
                _ = Kill(process.Id, signal);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
