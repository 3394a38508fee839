using System.CommandLine;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Settings;
using NeuralVision.Tools.SshProfile.Konsole;
using NeuralVision.Tools.SshProfile.Restore;

namespace NeuralVision.Tools.SshProfile.Commands;

/// <summary>
/// `nvt profiles restore [MARKER]`: what the shell's prompt hook runs when an `nvt ssh` of this shell was killed
/// before it could put the tab's look back (its marker is there, its pid is gone). Also safe to run by hand.
/// </summary>
public static class ProfilesRestoreCommand
{
    /// <summary>What `--help` and the manual page say after the options.</summary>
    public const string HelpNotes =
        "Before it changes the tab's look, `nvt ssh` writes $NVT_RESTORE_MARKER (one file per interactive shell, set by\n"
        + "`nvt init`), and it removes it after putting the look back. If nvt is killed (SIGKILL, a crash) the file stays;\n"
        + "the prompt hook tests for it with one builtin test, and when the nvt that wrote it is gone runs this command,\n"
        + "which sets the Konsole profile back over D-Bus, or writes the terminal's colour reset (a colour-stack pop in\n"
        + "xterm and kitty, OSC 111 elsewhere), then removes the marker. Exit status 0, also when there is nothing to do.\n";

    public static Command Create(INvtContext context, IKonsoleConnector konsole)
    {
        var marker = new Argument<string?>("MARKER")
        {
            Description = $"The marker file (default ${EnvVars.RestoreMarker}, which the shell integration sets)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("restore", "Put back the tab's look after an nvt ssh that was killed (the shell's prompt hook runs this)") { marker };
        command.SetAction(result => Run(context, konsole, result.GetValue(marker)));
        return command;
    }

    public static int Run(INvtContext context, IKonsoleConnector konsole, string? markerPath)
    {
        ArgumentNullException.ThrowIfNull(context);
        string path = markerPath ?? context.Settings.RestoreMarker
            ?? throw new NvtException($"no marker file: name one, or set {EnvVars.RestoreMarker} (the shell integration sets it)");
        if (!File.Exists(path))
        {
            return ExitCodes.Ok;
        }

        if (RestoreMarker.Read(path) is not { } marker)
        {
            // The hook's own marker is removed, or every prompt would run this again; a file named by hand is not.
            if (path == context.Settings.RestoreMarker)
            {
                RestoreMarker.Remove(path, Environment.ProcessId);
                context.Error.WriteLine($"nvt: {path} was not an nvt restore marker; removed");
                return ExitCodes.Ok;
            }

            throw new NvtException($"{path} is not an nvt restore marker");
        }

        if (MarkerRestore.WriterIsRunning(marker))
        {
            context.Error.WriteLine($"nvt: nvt ssh (pid {marker.Pid}) still runs and restores the tab itself when ssh ends");
            return ExitCodes.Ok;
        }

        string? problem = MarkerRestore.RestoreKonsoleAsync(marker, konsole).GetAwaiter().GetResult();
        string undo = TerminalColours.Undo(marker.Undo);
        if (undo.Length > 0 && context.Terminal.OutputIsTerminal)
        {
            context.Output.Write(undo);
            context.FlushOutput();
        }

        RestoreMarker.Remove(path, marker.Pid);
        string what = marker.Profile is string profile ? $"profile '{profile}'" : "the terminal's background";
        context.Error.WriteLine(problem is null
            ? $"nvt: restored {what}: nvt ssh (pid {marker.Pid}) ended without restoring it"
            : $"nvt: {problem}");
        return ExitCodes.Ok;
    }
}
