using System.Globalization;

namespace NeuralVision.Tools.SshProfile.Commands;

/// <summary>What `nvt ssh --dry-run` prints: the host, the profile, the D-Bus target and the ssh command.</summary>
internal static class SshPlanPrinter
{
    public static void Print(TextWriter output, SshPlan plan)
    {
        if (plan.Host is not HostIdentity host)
        {
            output.WriteLine("host: (none)");
            output.WriteLine("profile: (no switch)");
            output.WriteLine("command: " + Quote(plan.Ssh, plan.Arguments));
            return;
        }

        string resolved = host.HostName is null ? "" : $" (HostName {host.HostName}" + (host.User is null ? ")" : $", User {host.User})");
        output.WriteLine($"host: {host.Alias}{resolved}");
        output.WriteLine(plan.Profile is not null ? $"profile: {plan.Profile.Name} (from {plan.Profile.Reason})"
            : plan.GeneratedProfile is string generated ? $"profile: {generated} (nvt's, for the background below)"
            : "profile: (no switch)");
        if (plan.Target is null)
        {
            output.WriteLine(plan.Skipped ? "konsole: (not asked: --no-switch)" : "konsole: (not in a Konsole tab)");
        }
        else
        {
            string current = plan.CurrentProfile is null ? "" : $", current profile {plan.CurrentProfile}";
            output.WriteLine($"konsole: {plan.Target.Service} {plan.Target.SessionPath} on {plan.Target.BusAddress}{current}");
        }

        if (plan.Background is { } background)
        {
            string how = plan.GeneratedProfile is string made
                ? $"shown through profile {made}, made from {plan.CurrentProfile ?? "the tab's profile"} if it does not exist"
                : plan.Profile is not null ? "OSC 11 outside Konsole"
                : "OSC 11";
            string why = background.Auto is { } auto
                ? string.Create(CultureInfo.InvariantCulture, $"auto_background: hue {auto.Hue} from '{host.Alias}', contrast {auto.Contrast:0.0}:1 with foreground {auto.Foreground}")
                : background.Reason;
            output.WriteLine($"background: {background.Colour} ({why}; {how})");
        }

        output.WriteLine("command: " + Quote(plan.Ssh, plan.Arguments));
    }

    /// <summary>The command as a shell would need it typed.</summary>
    public static string Quote(string program, IReadOnlyList<string> args)
    {
        var words = new List<string> { program };
        foreach (string arg in args)
        {
            bool plain = arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "@%+=:,./-_".Contains(c, StringComparison.Ordinal));
            words.Add(plain ? arg : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'");
        }

        return string.Join(' ', words);
    }
}
