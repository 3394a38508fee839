using System.ComponentModel;
using NeuralVision.Tools.Platform.Processes;
using NeuralVision.Tools.Platform.Settings;
using NeuralVision.Tools.Platform.Terminals;

namespace NeuralVision.Tools.Keys.Copy;

/// <summary>
/// The terminal as `nvt keys copy` asks on it: secrets through the SSH_ASKPASS program when OpenSSH's rules say so
/// (<see cref="AskpassPolicy"/>), else on the terminal without echo; without a terminal a secret question gets no
/// answer (null) instead of an error, so authentication goes on to the next method. Everything else is the terminal's.
/// </summary>
public sealed class AskpassTerminal : ITerminal
{
    private static readonly TimeSpan AskpassTimeout = TimeSpan.FromMinutes(5);

    private readonly ITerminal terminal;
    private readonly NvtSettings settings;
    private readonly IProcessRunner processes;
    private readonly Action<string> report;

    /// <param name="report">Where a line for the person goes (stderr): here, why the askpass program could not run.</param>
    public AskpassTerminal(ITerminal terminal, NvtSettings settings, IProcessRunner processes, Action<string> report)
    {
        this.terminal = terminal;
        this.settings = settings;
        this.processes = processes;
        this.report = report;
    }

    public bool IsAvailable => terminal.IsAvailable;

    public bool InputIsTerminal => terminal.InputIsTerminal;

    public bool OutputIsTerminal => terminal.OutputIsTerminal;

    public bool ErrorIsTerminal => terminal.ErrorIsTerminal;

    public string? AskSecret(string prompt)
    {
        if (AskpassPolicy.Program(settings, terminal.IsAvailable) is string askpass)
        {
            return RunAskpass(askpass, prompt);
        }

        return terminal.IsAvailable ? terminal.AskSecret(prompt) : null;
    }

    public string? AskLine(string prompt) => terminal.IsAvailable ? terminal.AskLine(prompt) : null;

    public bool Confirm(string prompt) => terminal.IsAvailable && terminal.Confirm(prompt);

    public void Tell(string line) => terminal.Tell(line);

    /// <summary>ssh_askpass(): the prompt is the only argument, the answer is stdout up to the first line break.</summary>
    private string? RunAskpass(string program, string prompt)
    {
        try
        {
            var run = processes.Capture(new CaptureRequest(program, [prompt], AskpassTimeout, CaptureErrors: false));
            if (run is null || run.ExitCode != 0)
            {
                return null;
            }

            int end = run.Output.AsSpan().IndexOfAny('\r', '\n');
            return end < 0 ? run.Output : run.Output[..end];
        }
        catch (Win32Exception e)
        {
            report($"nvt: cannot run SSH_ASKPASS program {program}: {Platform.Files.FileErrors.Describe(e.NativeErrorCode)}");
            return null;
        }
    }
}
