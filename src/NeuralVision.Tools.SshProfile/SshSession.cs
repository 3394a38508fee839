using NeuralVision.Tools.Platform.OpenSsh;
using NeuralVision.Tools.Platform.Processes;
using NeuralVision.Tools.Platform.Settings;
using NeuralVision.Tools.SshProfile.Config;
using NeuralVision.Tools.SshProfile.Konsole;
using NeuralVision.Tools.SshProfile.Profiles;
using NeuralVision.Tools.SshProfile.Restore;

namespace NeuralVision.Tools.SshProfile;

/// <summary>
/// `nvt ssh`'s engine: picks the host's profile or background, switches the Konsole tab over D-Bus (or says which
/// escape sequence to write elsewhere), and puts the previous look back afterwards. It prints nothing and runs no ssh
/// session itself: what it has to say (warnings, and with --verbose why no switch happens) waits in
/// <see cref="TakeNotices"/> for the command, which prints it after each step, writes the escape sequences, and runs
/// ssh between <see cref="SwitchAsync"/> and <see cref="RestoreAsync"/>. Before it changes anything it leaves a
/// <see cref="RestoreMarker"/> for the shell's prompt hook, in case nvt is killed. Nothing here stops ssh from running:
/// a D-Bus failure or a broken configuration file becomes a notice.
/// </summary>
public sealed class SshSession
{
    /// <summary>How long one D-Bus call may take before nvt gives up on it.</summary>
    public static readonly TimeSpan DBusTimeout = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(3);

    private readonly NvtSettings settings;
    private readonly IProcessRunner processes;
    private readonly IKonsoleConnector konsole;
    private readonly KonsoleDirectories directories;
    private readonly string workingDirectory;
    private readonly List<string> notices = [];
    private bool verbose;

    public SshSession(NvtSettings settings, IProcessRunner processes, IKonsoleConnector konsole, string workingDirectory)
    {
        this.settings = settings;
        this.processes = processes;
        this.konsole = konsole;
        this.workingDirectory = workingDirectory;
        directories = new KonsoleDirectories(settings);
    }

    /// <summary>
    /// Finds ssh, reads the destination from its arguments, loads the configuration, asks Konsole for its profiles,
    /// resolves the host with <c>ssh -G</c> when patterns need it, and chooses the profile or background.
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
        string? file = null;
        if (choice is null)
        {
            Note($"no profile configured for {host.Alias}: no profile switch");
        }
        else if (profiles is not null && !profiles.Contains(choice.Name, StringComparer.Ordinal))
        {
            // Written after Konsole started (`nvt profiles create`), or loaded only by another Konsole process.
            file = directories.FindProfile(choice.Name);
            if (file is null)
            {
                Warn($"Konsole has no profile named '{choice.Name}' (chosen by {choice.Reason}); the profile stays as it is");
                choice = null;
            }
        }

        bool needsCurrent = tab is not null && (request.DryRun || (choice is null && config?.AutoBackground == true));
        string? current = needsCurrent ? await KonsoleTab.ShownProfileAsync(tab!, Note).ConfigureAwait(false) : null;
        var background = ChooseBackground(config, host, choice, tab is null ? null : current ?? KonsoleDirectories.BuiltInProfile);
        string? generated = tab is not null && choice is null && background is not null ? AutoBackground.ProfileName(background.Colour) : null;
        return new SshPlan(ssh, request.SshArgs, host, choice, background, target, tab, current, Skipped: false, commandLine.Interactive, file, generated);
    }

    /// <summary>
    /// Changes the tab's look for the plan and returns how to take it back, or null when nothing changes. In Konsole
    /// that is a setProfile (the chosen or generated profile, loaded first if Konsole lacks it); where that cannot
    /// work, an escape sequence for the command to write, undone by setProfile(previous). Elsewhere OSC 11, when
    /// <paramref name="canWriteEscapes"/> (stdout is the terminal). The restore marker is written first.
    /// </summary>
    public Task<LookChange?> SwitchAsync(SshPlan plan, bool canWriteEscapes)
    {
        ArgumentNullException.ThrowIfNull(plan);
        string? profile = plan.Profile?.Name ?? plan.GeneratedProfile;
        return plan.Tab is IKonsoleTab tab && profile is not null
            ? SwitchKonsoleAsync(plan, tab, profile, canWriteEscapes)
            : Task.FromResult(SwitchTerminal(plan, canWriteEscapes));
    }

    /// <summary>OSC 11 outside Konsole, with the terminal's way back.</summary>
    private LookChange? SwitchTerminal(SshPlan plan, bool canWriteEscapes)
    {

        if (plan.Background is not { } background || plan.Host is null)
        {
            return null;
        }

        if (plan.Target is not null || settings.KonsoleVersion is not null)
        {
            // OSC 111 does nothing in Konsole, so without D-Bus an OSC 11 colour could not be taken back.
            Note("Konsole cannot be reached over D-Bus: no background change, since it could not be undone");
            return null;
        }

        if (!canWriteEscapes)
        {
            Note("stdout is not a terminal: no background colour");
            return null;
        }

        var undo = TerminalColours.Detect(settings);
        var change = new LookChange(null, TerminalColours.SetBackground(background.Colour, undo), undo);
        WriteMarker(plan, change);
        return change;
    }

    /// <summary>
    /// Puts the tab back on <paramref name="change"/>'s profile (the command has written its undo sequence), and
    /// removes the restore marker.
    /// </summary>
    public async Task RestoreAsync(SshPlan plan, LookChange change)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(change);
        if (plan.Tab is IKonsoleTab tab && change.RestoreProfile is string profile)
        {
            await SetBackAsync(tab, profile).ConfigureAwait(false);
        }

        RemoveMarker();
    }

    /// <summary>What there is to say since the last call (each line for "nvt: LINE" on stderr), in order.</summary>
    public IReadOnlyList<string> TakeNotices()
    {
        string[] taken = [.. notices];
        notices.Clear();
        return taken;
    }

    private async Task<LookChange?> SwitchKonsoleAsync(SshPlan plan, IKonsoleTab tab, string profile, bool canWriteEscapes)
    {
        string? before = await KonsoleTab.ShownProfileAsync(tab, Note).ConfigureAwait(false);
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

        var preparer = new ProfilePreparer(directories, settings.XdgRuntimeDir, workingDirectory);
        string? escape = await preparer.PrepareAsync(tab, profile, plan.ProfileFile, plan.Profile is null ? plan.Background?.Colour : null, before)
            .ConfigureAwait(false);
        LookChange change;
        if (escape is not null)
        {
            if (escape.Length == 0 || !canWriteEscapes)
            {
                Warn((preparer.Problem ?? $"Konsole has no profile named '{profile}'") + "; the profile stays as it is");
                return null;
            }

            Warn(preparer.Problem + "; its colours are shown with an escape sequence instead");
            change = new LookChange(before, escape, ColourUndo.None);
            WriteMarker(plan, change);
            return change;
        }

        change = new LookChange(before, null, ColourUndo.None);
        WriteMarker(plan, change);
        if (!await SetAndConfirmAsync(tab, profile, before).ConfigureAwait(false))
        {
            RemoveMarker();
            return null;
        }

        return change;
    }

    private async Task<bool> SetAndConfirmAsync(IKonsoleTab tab, string profile, string before)
    {
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
            return false;
        }

        string? after = await TryAsync(tab.GetProfileAsync).ConfigureAwait(false);
        if (after != profile && (after == before || after?.Length > 0))
        {
            Warn($"Konsole did not switch to profile '{profile}'; the profile stays as it is");
            return false;
        }

        return true;
    }

    private async Task SetBackAsync(IKonsoleTab tab, string profile)
    {
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

    /// <summary>
    /// [ssh.backgrounds]' colour for the host; else, when nothing maps it, auto_background's, readable with the
    /// foreground of the scheme it will be shown in (<paramref name="baseProfile"/>'s in Konsole; an assumed light
    /// grey elsewhere, where nvt cannot read the terminal's colours).
    /// </summary>
    private BackgroundChoice? ChooseBackground(SshConfig? config, HostIdentity host, ProfileChoice? choice, string? baseProfile)
    {
        if (ProfileChooser.ChooseBackground(config, host) is string configured && Colour.TryParse(configured) is Colour colour)
        {
            return new BackgroundChoice(colour, "[ssh.backgrounds]", null);
        }

        if (choice is not null || config?.AutoBackground != true)
        {
            return null;
        }

        var foreground = AutoBackground.AssumedForeground;
        if (baseProfile is not null)
        {
            try
            {
                foreground = ProfileBase.Load(baseProfile, directories).Foreground;
            }
            catch (Platform.NvtException e)
            {
                Note($"{e.Message}: the contrast is checked against {foreground}");
            }
        }

        var auto = AutoBackground.For(host.Alias, foreground);
        return new BackgroundChoice(auto.Background, "auto_background", auto);
    }

    private void WriteMarker(SshPlan plan, LookChange change)
    {
        if (settings.RestoreMarker is not string path)
        {
            return;
        }

        var marker = new RestoreMarker(Environment.ProcessId, change.RestoreProfile, plan.Target?.Service, plan.Target?.SessionPath,
            plan.Target?.BusAddress, change.Undo);
        try
        {
            marker.Write(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Warn($"cannot write {path}: {e.Message} (if nvt is killed, the next prompt cannot restore the tab)");
        }
    }

    private void RemoveMarker()
    {
        if (settings.RestoreMarker is string path)
        {
            RestoreMarker.Remove(path, Environment.ProcessId);
        }
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
