using System.CommandLine;
using NeuralVision.Tools.Config;
using NeuralVision.Tools.Ssh;

namespace NeuralVision.Tools.Commands;

/// <summary>`nvt profiles`: the tab's Konsole profiles (the current one marked) and the host mappings of the config file.</summary>
internal static class ProfilesCommand
{
    public static Command Create(NvtContext context)
    {
        var command = new Command("profiles", "List the Konsole profiles (* marks the tab's) and the host-to-profile mappings of the config file");
        command.SetAction(_ => Run(context));
        return command;
    }

    public static int Run(NvtContext context)
    {
        var output = context.Output;
        var target = KonsoleTarget.FromEnvironment(context.Environment, out string? whyNot);
        output.WriteLine("Konsole profiles:");
        if (target is null)
        {
            output.WriteLine($"  ({whyNot})");
        }
        else
        {
            try
            {
                using var tab = KonsoleDBusTab.ConnectAsync(target, SshSession.DBusTimeout).GetAwaiter().GetResult();
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

        string path = NvtConfigFile.Locate(context.Environment);
        SshConfig? config;
        try
        {
            config = NvtConfigFile.Load(path).Ssh;
        }
        catch (ConfigException e)
        {
            throw new NvtException(e.Message);
        }

        output.WriteLine();
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

        if (config?.Backgrounds is { Count: > 0 } backgrounds)
        {
            output.WriteLine();
            output.WriteLine("Backgrounds (terminals other than Konsole):");
            foreach (var (pattern, colour) in backgrounds)
            {
                output.WriteLine($"  {pattern} -> {colour}");
            }
        }

        return ExitCodes.Ok;
    }
}
