using NeuralVision.Tools.SshProfile.Konsole;

namespace NeuralVision.Tools.SshProfile;

/// <summary>
/// What `nvt ssh` will do: the ssh to run, the host, the profile (or background) chosen for it and the Konsole tab.
/// Disposing closes the tab's D-Bus connection.
/// </summary>
/// <param name="Ssh">The ssh program found on PATH.</param>
/// <param name="Arguments">ssh's arguments, untouched.</param>
/// <param name="Host">Null when the arguments name no destination, or only ask ssh for information (-G, -V, -Q).</param>
/// <param name="Profile">The profile to switch to; null for no switch.</param>
/// <param name="Background">The host's background colour: OSC 11 outside Konsole, a generated profile in it.</param>
/// <param name="Target">The Konsole tab nvt runs in, when it does.</param>
/// <param name="Tab">The connection to that tab, when it could be made.</param>
/// <param name="CurrentProfile">The tab's profile now (asked for --dry-run, and to make a generated profile).</param>
/// <param name="Skipped">--no-switch: Konsole was not asked.</param>
/// <param name="Interactive">ssh will give a login session (no remote command, -T, -N...; see SshCommandLine).</param>
/// <param name="ProfileFile">The file of <paramref name="Profile"/> when Konsole has not loaded it yet.</param>
/// <param name="GeneratedProfile">In Konsole: the profile nvt makes (if needed) to show <paramref name="Background"/>.</param>
public sealed record SshPlan(
    string Ssh,
    IReadOnlyList<string> Arguments,
    HostIdentity? Host,
    ProfileChoice? Profile,
    BackgroundChoice? Background,
    KonsoleTarget? Target,
    IKonsoleTab? Tab,
    string? CurrentProfile,
    bool Skipped,
    bool Interactive = false,
    string? ProfileFile = null,
    string? GeneratedProfile = null) : IDisposable
{
    public void Dispose() => Tab?.Dispose();
}
