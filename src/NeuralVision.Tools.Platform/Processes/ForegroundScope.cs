using System.Diagnostics;
using System.Runtime.InteropServices;
using NeuralVision.Tools.Platform.Native;

namespace NeuralVision.Tools.Platform.Processes;

/// <summary>
/// The real foreground child, with the signal behaviour of system(3) plus, on request, forwarding. From construction
/// to Dispose: SIGINT and SIGQUIT are ignored by nvt (the terminal sends them to the child too, and the child decides:
/// an interactive ssh session passes Ctrl-C to the remote side); with forwarding, SIGTERM and SIGHUP are passed on to
/// the child, and nvt goes on to wait for it (and, for nvt ssh, to restore the profile). A SIGTERM or SIGHUP that
/// arrives before the child starts means it is never started.
/// </summary>
internal sealed class ForegroundScope : IForegroundScope
{
    private readonly List<PosixSignalRegistration> registrations = [];
    private readonly Lock gate = new();
    private Process? child;
    private int pendingSignal;

    public ForegroundScope(bool forwardTermination)
    {
        registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, Ignore));
        registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Ignore));
        if (forwardTermination)
        {
            registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Forward(context, LibC.SignalTerminate)));
            registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => Forward(context, LibC.SignalHangUp)));
        }
    }

    public int Run(string program, IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(program) { UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        lock (gate)
        {
            if (pendingSignal != 0)
            {
                return 128 + pendingSignal;
            }

            process = Process.Start(start)!;
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
                _ = LibC.Kill(process.Id, signal);
            }
        }
    }
}
