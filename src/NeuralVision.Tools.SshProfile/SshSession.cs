using NeuralVision.Tools.Platform.OpenSsh;
using NeuralVision.Tools.Platform.Processes;
using NeuralVision.Tools.Platform.Settings;
using NeuralVision.Tools.SshProfile.Config;
using NeuralVision.Tools.SshProfile.Konsole;

namespace NeuralVision.Tools.SshProfile;

/// <summary>
/// `nvt ssh`'s engine: picks the host's profile, switches the Konsole tab to it over D-Bus, and restores the tab's
/// previous profile afterwards. It prints nothing and runs no ssh session itself: what it has to say (warnings, and
/// with --verbose why no switch happens) waits in <see cref="TakeNotices"/> for the command, which prints it after each
/// step, runs ssh between <see cref="SwitchAsync"/> and <see cref="RestoreAsync"/>, and sets the background. Nothing
/// here stops ssh from running: a D-Bus failure or a broken configuration file becomes a notice.
/// </summary>
public sealed class SshSession
{
    /// <summary>How long one D-Bus call may take before nvt gives up on it.</summary>
    public static readonly TimeSpan DBusTimeout = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(3);

    private readonly NvtSettings settings;
    private readonly IProcessRunner processes;
    private readonly IKonsoleConnector konsole;
    private readonly List<string> notices = [];
    private bool verbose;

    public SshSession(NvtSettings settings, IProcessRunner processes, IKonsoleConnector konsole)
    {
        this.settings = settings;
        this.processes = processes;
        this.konsole = konsole;
    }

    /// <summary>
    /// Finds ssh, reads the destination from its arguments, loads the configuration, asks Konsole for its profiles,
    /// resolves the host with <c>ssh -G</c> when patterns need it, and chooses the profile.
    /// </summary>
    /// <exception cref="SshNotFoundException">ssh is not on PATH.</exception>
    public async Task<SshPlan> PlanAsync(SshRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string ssh = processes.FindOnPath("ssh")
            ?? throw new SshNotFoundException("ssh not found on PATH (install the openssh-client package)");

        verbose = request.Verbose;
        var commandLine = SshArguments.Parse(request.SshArgs);
        if (commandLine.Destination is not { } destination || commandLine.QueryOnly)
        {
            Note(commandLine.QueryOnly ? "ssh only prints information here: no profile switch" : "no destination in the ssh arguments: no profile switch");
            return new SshPlan(ssh, request.SshArgs, null, null, null, null, null, null, Skipped: false);
        }

        var host = new HostIdentity(destination.Host, null, destination.User);
        if (request.NoSwitch)
        {
            Note("--no-switch: no profile switch");
            return new SshPlan(ssh, request.SshArgs, host, null, null, null, null, null, Skipped: true);
        }

        SshConfig? config = null;
        try
        {
            config = NvtConfigFile.Load(settings.ConfigFile).Ssh;
        }
        catch (ConfigException e)
        {
            Warn($"{e.Message} (the configuration is ignored)");
        }

        // `ssh -G` costs a process start, so it runs only when there are patterns to match its HostName against, and
        // meanwhile nvt talks to Konsole.
        Task<string?>? resolving = config?.Profiles?.Count > 0 || config?.Backgrounds?.Count > 0
            ? Task.Run(() => SshConfigDump.Run(processes, ssh, request.SshArgs, ResolveTimeout) is { ExitCode: 0 } run ? run.Output : null)
            : null;

        var target = KonsoleTarget.FromSettings(settings, out string? whyNot);
        IKonsoleTab? tab = null;
        IReadOnlyList<string>? profiles = null;
        string? current = null;
        if (target is null)
        {
            Note(whyNot!);
        }
        else
        {
            try
            {
                tab = await konsole.ConnectAsync(target, DBusTimeout).ConfigureAwait(false);
                profiles = await tab.GetProfileListAsync().ConfigureAwait(false);
            }
            catch (KonsoleException e)
            {
                Note($"Konsole at {target}: {e.Message}");
            }

            if (tab is not null && request.DryRun)
            {
                current = await TryAsync(tab.GetProfileAsync).ConfigureAwait(false);
            }
        }

        if (resolving is not null)
        {
            if (await resolving.ConfigureAwait(false) is string output)
            {
                var resolved = ResolvedHost.Parse(output);
                host = host with { HostName = resolved.HostName, User = host.User ?? resolved.User };
            }
            else
            {
                Note("ssh -G failed: host patterns are matched against the alias only");
            }
        }

        var choice = ProfileChooser.Choose(request.Profile, config, host, profiles);
        string? background = ProfileChooser.ChooseBackground(config, host);
        if (choice is null)
        {
            Note($"no profile configured for {host.Alias}: no profile switch");
        }
        else if (profiles is not null && !profiles.Contains(choice.Name, StringComparer.Ordinal))
        {
            Warn($"Konsole has no profile named '{choice.Name}' (chosen by {choice.Reason}); the profile stays as it is");
            choice = null;
        }

        return new SshPlan(ssh, request.SshArgs, host, choice, background, target, tab, current, Skipped: false, commandLine.Interactive);
    }

    /// <summary>
    /// Switches the tab to the plan's profile and returns the profile to restore, or null when the tab is not switched.
    /// The previous profile is profile() (Konsole 19.12+), or the window's default profile on older Konsole, which
    /// lacks profile().
    /// </summary>
    public async Task<string?> SwitchAsync(SshPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Profile is not { Name: string profile } || plan.Tab is not IKonsoleTab tab)
        {
            return null;
        }

        string? before;
        bool canConfirm = true;
        try
        {
            before = await tab.GetProfileAsync().ConfigureAwait(false);
        }
        catch (KonsoleException e) when (e.ErrorName == DBusErrors.UnknownMethod)
        {
            canConfirm = false;
            before = await TryAsync(tab.GetDefaultProfileAsync).ConfigureAwait(false);
            Note($"Konsole has no profile() (before 19.12): the tab goes back to the default profile '{before}' afterwards");
        }
        catch (KonsoleException e)
        {
            Note($"cannot read the tab's profile: {e.Message}: no profile switch");
            return null;
        }

        if (before is null)
        {
            Note("no profile to go back to: no profile switch");
            return null;
        }

        if (before == profile)
        {
            Note($"the tab already has profile '{profile}'");
            return null;
        }

        try
        {
            await tab.SetProfileAsync(profile).ConfigureAwait(false);
        }
        catch (KonsoleException e) when (e.ErrorName == DBusErrors.AccessDenied)
        {
            // Konsole 25.12+ may refuse the call after applying it: profile() says what really happened.
            Note("setProfile answered AccessDenied; checking whether the switch happened");
        }
        catch (KonsoleException e)
        {
            Warn($"could not switch the Konsole profile to '{profile}': {e.Message}");
            return null;
        }

        if (canConfirm && await TryAsync(tab.GetProfileAsync).ConfigureAwait(false) is string after && after == before)
        {
            Warn($"Konsole did not switch to profile '{profile}'; the profile stays as it is");
            return null;
        }

        return before;
    }

    /// <summary>Puts the tab back on <paramref name="profile"/> (what <see cref="SwitchAsync"/> returned).</summary>
    public async Task RestoreAsync(SshPlan plan, string profile)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Tab is not IKonsoleTab tab)
        {
            return;
        }

        try
        {
            await tab.SetProfileAsync(profile).ConfigureAwait(false);
        }
        catch (KonsoleException e) when (e.ErrorName == DBusErrors.AccessDenied)
        {
            if (await TryAsync(tab.GetProfileAsync).ConfigureAwait(false) is string after && after != profile)
            {
                Warn($"could not restore the Konsole profile '{profile}': {e.Message}");
            }
        }
        catch (KonsoleException e) when (e.ErrorName == DBusErrors.ServiceUnknown)
        {
            Note("Konsole has gone away: nothing to restore");
        }
        catch (KonsoleException e)
        {
            Warn($"could not restore the Konsole profile '{profile}': {e.Message}");
        }
    }

    /// <summary>What there is to say since the last call (each line for "nvt: LINE" on stderr), in order.</summary>
    public IReadOnlyList<string> TakeNotices()
    {
        string[] taken = [.. notices];
        notices.Clear();
        return taken;
    }

    private async Task<string?> TryAsync(Func<Task<string>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (KonsoleException e)
        {
            Note(e.Message);
            return null;
        }
    }

    private void Warn(string message) => notices.Add(message);

    /// <summary>Only for --verbose: why no switch happens, a D-Bus problem that changes nothing.</summary>
    private void Note(string message)
    {
        if (verbose)
        {
            notices.Add(message);
        }
    }
}
