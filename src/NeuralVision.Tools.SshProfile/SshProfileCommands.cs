using System.CommandLine;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.SshProfile.Commands;
using NeuralVision.Tools.SshProfile.Konsole;

namespace NeuralVision.Tools.SshProfile;

/// <summary>What the Konsole profile switch adds to nvt's command line: `nvt ssh` and `nvt profiles`.</summary>
public static class SshProfileCommands
{
    /// <summary>ssh and profiles, in the order `nvt --help` lists them.</summary>
    public static Command[] Create(INvtContext context, IKonsoleConnector? konsole = null)
    {
        var connector = konsole ?? new KonsoleDBusConnector();
        return [SshCommand.Create(), ProfilesCommand.Create(context, connector)];
    }

    /// <summary>Text printed after the options by `--help` of these commands (and in their manual pages), by name.</summary>
    public static IReadOnlyDictionary<string, string> HelpNotes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ssh"] = SshCommand.HelpNotes,
        ["profiles create"] = ProfilesCreateCommand.HelpNotes,
        ["profiles restore"] = ProfilesRestoreCommand.HelpNotes,
    };

    /// <summary>
    /// Runs `nvt ssh ...` with its own parser, so ssh's arguments (-p 2222, @file, a remote command) reach ssh
    /// untouched; null when the arguments are not `ssh`, or ask for its help.
    /// </summary>
    public static int? TryRun(INvtContext context, string[] args, IKonsoleConnector? konsole = null) =>
        SshCommand.TryParse(args) is SshRequest request ? SshCommand.Run(context, request, konsole ?? new KonsoleDBusConnector()) : null;
}
