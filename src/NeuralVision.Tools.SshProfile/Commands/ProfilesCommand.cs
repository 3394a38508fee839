using System.CommandLine;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.SshProfile.Config;
using NeuralVision.Tools.SshProfile.Konsole;

namespace NeuralVision.Tools.SshProfile.Commands;

/// <summary>`nvt profiles`: the tab's Konsole profiles (the current one marked) and the host mappings of the config file.</summary>
public static class ProfilesCommand
{
    /// <summary>A configuration to start from, as `nvt profiles` and `nvt ssh --help` show it.</summary>
    public const string ExampleConfig = """
          [ssh.profiles]
          "puffin" = "Puffin"              # the host as typed, or its HostName
          "*.prod.example.com" = "Production"

        """;

    public static Command Create(INvtContext context, IKonsoleConnector konsole)
    {
        var command = new Command("profiles", "List the Konsole profiles (* marks the tab's) and the host-to-profile mappings of the config file");
        command.SetAction(_ => Run(context, konsole));
        command.Subcommands.Add(ProfilesCreateCommand.Create(context, konsole));
        command.Subcommands.Add(ProfilesRestoreCommand.Create(context, konsole));
        return command;
    }

    public static int Run(INvtContext context, IKonsoleConnector konsole)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(konsole);
        var output = context.Output;
        var target = KonsoleTarget.FromSettings(context.Settings, out string? whyNot);
        output.WriteLine("Konsole profiles:");
        if (target is null)
        {
            output.WriteLine($"  ({whyNot})");
        }
        else
        {
            try
            {
                using var tab = konsole.ConnectAsync(target, SshSession.DBusTimeout).GetAwaiter().GetResult();
                var profiles = tab.GetProfileListAsync().GetAwaiter().GetResult();
                string? current = null;
                try
                {
                    current = tab.GetProfileAsync().GetAwaiter().GetResult();
                }
                catch (KonsoleException)
                {
                    // Konsole before 19.12 cannot say which profile the tab has: nothing is marked.
                }

                foreach (string profile in profiles.Order(StringComparer.Ordinal))
                {
                    output.WriteLine((profile == current ? "* " : "  ") + profile);
                }
            }
            catch (KonsoleException e)
            {
                output.WriteLine($"  (cannot ask Konsole at {target}: {e.Message})");
            }
        }

        string path = context.Settings.ConfigFile;
        output.WriteLine();
        if (!context.FileSystem.FileExists(path) && !context.FileSystem.DirectoryExists(path))
        {
            output.WriteLine($"Host mappings: none, {path} does not exist. To start, write it with:");
            output.Write(ExampleConfig);
            output.WriteLine("or make a profile and its mapping in one go: nvt profiles create Puffin --background '#2b1b1b' --host puffin");
            return ExitCodes.Ok;
        }

        var config = NvtConfigFile.Load(path).Ssh;
        output.WriteLine($"Host mappings ({path}; first match wins):");
        if (config?.Profiles is not { Count: > 0 } && string.IsNullOrEmpty(config?.DefaultProfile))
        {
            output.WriteLine("  (none)");
        }

        foreach (var (pattern, profile) in config?.Profiles ?? [])
        {
            output.WriteLine($"  {pattern} -> {profile}");
        }

        if (!string.IsNullOrEmpty(config?.DefaultProfile))
        {
            output.WriteLine($"  (any other host) -> {config.DefaultProfile}");
        }

        if (config?.AutoBackground == true)
        {
            output.WriteLine();
            output.WriteLine("Automatic backgrounds: on (auto_background: a colour from the name of every host nothing above maps)");
        }

        if (config?.Backgrounds is { Count: > 0 } backgrounds)
        {
            output.WriteLine();
            output.WriteLine("Backgrounds (OSC 11 outside Konsole; in Konsole for hosts without a profile):");
            foreach (var (pattern, colour) in backgrounds)
            {
                output.WriteLine($"  {pattern} -> {colour}");
            }
        }

        return ExitCodes.Ok;
    }
}
