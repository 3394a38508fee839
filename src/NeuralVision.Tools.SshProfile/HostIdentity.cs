using NeuralVision.Tools.Platform.OpenSsh;

namespace NeuralVision.Tools.SshProfile;

/// <summary>The names a destination is known by, all of which host patterns are matched against.</summary>
/// <param name="Alias">The host the user typed (<c>puffin</c> in <c>ssh bob@puffin</c>).</param>
/// <param name="HostName">ssh_config's HostName for it (<c>ssh -G</c>), when known.</param>
/// <param name="User">The remote user, from the destination or <c>ssh -G</c>, when known.</param>
public sealed record HostIdentity(string Alias, string? HostName, string? User)
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
