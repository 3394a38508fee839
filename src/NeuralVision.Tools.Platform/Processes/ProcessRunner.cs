using System.Diagnostics;
using System.Runtime.InteropServices;

namespace NeuralVision.Tools;

/// <summary>Runs a program in the foreground with nvt's terminal, as `query --exec` (fasd -e) needs.</summary>
internal static class CommandRunner
{
    /// <summary>The status of a command that could not be found, as the shell reports it.</summary>
    public const int NotFound = 127;

    public static int Run(IReadOnlyList<string> argv, string? pathVariable)
    {
        string program = argv[0].Contains('/', StringComparison.Ordinal) ? argv[0] : Find(argv[0], pathVariable)
            ?? throw new NvtException($"{argv[0]}: command not found", NotFound);
        var start = new ProcessStartInfo(program) { UseShellExecute = false };
        foreach (string argument in argv.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        // Ctrl-C and Ctrl-\ are for the program (an editor, say); nvt waits for it and reports its status.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
        using var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, context => context.Cancel = true);
        using var process = Process.Start(start) ?? throw new NvtException($"could not start {program}");
        process.WaitForExit();
        return process.ExitCode;
    }

    private static string? Find(string name, string? pathVariable) =>
        (pathVariable ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(candidate => File.Exists(candidate) && !Directory.Exists(candidate));
}
