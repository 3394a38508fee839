using NeuralVision.Tools.SshProfile.Config;

namespace NeuralVision.Tools.SshProfile;

/// <summary>Picks the Konsole profile and the background colour for a destination.</summary>
public static class ProfileChooser
{
    /// <summary>
    /// First hit wins: --profile; the first <c>[ssh.profiles]</c> pattern, in file order, that matches the host; a
    /// Konsole profile whose name equals the alias ignoring case; <c>[ssh] default_profile</c>; else null (no switch).
    /// </summary>
    public static ProfileChoice? Choose(string? forced, SshConfig? config, HostIdentity host, IReadOnlyList<string>? konsoleProfiles)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (!string.IsNullOrEmpty(forced))
        {
            return new ProfileChoice(forced, "--profile");
        }

        if (FirstMatch(config?.Profiles, host) is (string pattern, string profile))
        {
            return new ProfileChoice(profile, $"[ssh.profiles] \"{pattern}\"");
        }

        foreach (string name in konsoleProfiles ?? [])
        {
            if (string.Equals(name, host.Alias, StringComparison.OrdinalIgnoreCase))
            {
                return new ProfileChoice(name, "Konsole profile named like the host");
            }
        }

        if (!string.IsNullOrEmpty(config?.DefaultProfile))
        {
            return new ProfileChoice(config.DefaultProfile, "[ssh] default_profile");
        }

        return null;
    }

    /// <summary>The <c>[ssh.backgrounds]</c> colour of the first pattern that matches, in file order.</summary>
    public static string? ChooseBackground(SshConfig? config, HostIdentity host) =>
        FirstMatch(config?.Backgrounds, host) is (_, string colour) ? colour : null;

    private static (string Pattern, string Value)? FirstMatch(Dictionary<string, string>? table, HostIdentity host)
    {
        foreach (var (pattern, value) in table ?? [])
        {
            if (host.MatchedBy(pattern))
            {
                return (pattern, value);
            }
        }

        return null;
    }
}
