namespace NeuralVision.Tools.Ssh;

/// <summary>The names a destination is known by, all of which host patterns are matched against.</summary>
/// <param name="Alias">The host the user typed (<c>puffin</c> in <c>ssh bob@puffin</c>).</param>
/// <param name="HostName">ssh_config's HostName for it (<c>ssh -G</c>), when known.</param>
/// <param name="User">The remote user, from the destination or <c>ssh -G</c>, when known.</param>
public sealed record HostKeys(string Alias, string? HostName, string? User)
{
    /// <summary>
    /// A pattern matches when it matches the alias or the HostName; a pattern containing '@' is matched against
    /// <c>USER@ALIAS</c> and <c>USER@HOSTNAME</c> instead.
    /// </summary>
    public bool MatchedBy(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Contains('@', StringComparison.Ordinal))
        {
            return User is not null
                && (HostPattern.IsMatch(pattern, User + "@" + Alias) || (HostName is not null && HostPattern.IsMatch(pattern, User + "@" + HostName)));
        }

        return HostPattern.IsMatch(pattern, Alias) || (HostName is not null && HostPattern.IsMatch(pattern, HostName));
    }
}

/// <summary>A profile to switch to and why (for --dry-run and --verbose).</summary>
public sealed record ProfileChoice(string Name, string Reason);

/// <summary>Picks the Konsole profile and the background colour for a destination.</summary>
public static class ProfileChooser
{
    /// <summary>
    /// First hit wins: --profile; the first <c>[ssh.profiles]</c> pattern, in file order, that matches the host; a
    /// Konsole profile whose name equals the alias ignoring case; <c>[ssh] default_profile</c>; else null (no switch).
    /// </summary>
    public static ProfileChoice? Choose(string? forced, SshConfig? config, HostKeys host, IReadOnlyList<string>? konsoleProfiles)
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
    public static string? ChooseBackground(SshConfig? config, HostKeys host) =>
        FirstMatch(config?.Backgrounds, host) is (_, string colour) ? colour : null;

    private static (string Pattern, string Value)? FirstMatch(Dictionary<string, string>? table, HostKeys host)
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
