using NeuralVision.Tools.Config;
using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Ssh;

/// <summary>What `nvt ssh` was asked for.</summary>
/// <param name="SshArgs">Everything for ssh, passed through unchanged.</param>
/// <param name="Profile">--profile: this Konsole profile, whatever the configuration says.</param>
/// <param name="NoSwitch">--no-switch: run ssh and touch neither the profile nor the background.</param>
/// <param name="Quiet">--quiet: no "Welcome back!".</param>
/// <param name="DryRun">--dry-run: print the plan and exit without running ssh or switching.</param>
/// <param name="Verbose">--verbose: say why no switch happens, and every D-Bus problem.</param>
public sealed record SshRequest(IReadOnlyList<string> SshArgs, string? Profile = null, bool NoSwitch = false, bool Quiet = false, bool DryRun = false, bool Verbose = false);

/// <summary>ssh is not on PATH (exit status 127, as a shell reports a missing command).</summary>
public sealed class SshNotFoundException : Exception
{
    public SshNotFoundException(string message)
        : base(message)
    {
    }
}

/// <summary>The terminal-facing side of `nvt ssh`: where messages and escape sequences go.</summary>
/// <param name="Output">Standard output (the --dry-run plan).</param>
/// <param name="Error">Standard error (warnings, --verbose notes, "Welcome back!").</param>
/// <param name="ErrorIsTerminal">Whether stderr is a terminal ("Welcome back!" is only for people).</param>
/// <param name="Terminal">Where OSC 11/111 go: the terminal on stdout, or null when stdout is not a terminal.</param>
public sealed record SshConsole(TextWriter Output, TextWriter Error, bool ErrorIsTerminal, TextWriter? Terminal);

/// <summary>
/// `nvt ssh`: picks the host's profile, switches the Konsole tab to it over D-Bus (or sets the background with OSC 11
/// elsewhere), runs ssh, and restores the tab's previous profile however ssh ends. Nothing here stops ssh from
/// running: a D-Bus failure or a broken configuration file is reported and ssh runs unchanged.
/// </summary>
public sealed class SshSession
{
    /// <summary>How long one D-Bus call may take before nvt gives up on it.</summary>
    public static readonly TimeSpan DBusTimeout = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(3);

    private readonly IEnvironment environment;
    private readonly ISshProcess process;
    private readonly Func<KonsoleTarget, Task<IKonsoleTab>> connect;
    private readonly SshConsole console;
    private bool verbose;

    public SshSession(IEnvironment environment, ISshProcess process, Func<KonsoleTarget, Task<IKonsoleTab>> connect, SshConsole console)
    {
        this.environment = environment;
        this.process = process;
        this.connect = connect;
        this.console = console;
    }

    /// <summary>The first executable <paramref name="name"/> in PATH, as execvp(3) would find it; null when none.</summary>
    public static string? FindOnPath(string? path, string name)
    {
        foreach (string directory in (path ?? "/usr/local/bin:/usr/bin:/bin").Split(':'))
        {
            string candidate = (directory.Length == 0 ? "." : directory) + "/" + name;
            if (File.Exists(candidate) && (File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0)
            {
                return candidate;
            }
        }

        return null;
    }

    public async Task<int> RunAsync(SshRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        verbose = request.Verbose;
        string ssh = FindOnPath(environment.GetVariable("PATH"), "ssh")
            ?? throw new SshNotFoundException("ssh not found on PATH (install the openssh-client package)");

        var commandLine = SshArguments.Parse(request.SshArgs);
        if (commandLine.Destination is not { } destination || commandLine.QueryOnly)
        {
            Note(commandLine.QueryOnly ? "ssh only prints information here: no profile switch" : "no destination in the ssh arguments: no profile switch");
            if (request.DryRun)
            {
                console.Output.WriteLine("host: (none)");
                console.Output.WriteLine("profile: (no switch)");
                console.Output.WriteLine("command: " + Quote(ssh, request.SshArgs));
                return 0;
            }

            return process.Run(ssh, request.SshArgs);
        }

        var plan = await PlanAsync(request, ssh, destination).ConfigureAwait(false);
        using var tab = plan.Tab;
        if (request.DryRun)
        {
            PrintPlan(plan, ssh, request.SshArgs);
            return 0;
        }

        var restore = plan.Profile is null || tab is null ? null : await SwitchAsync(tab, plan.Profile.Name).ConfigureAwait(false);
        bool background = false;
        if (restore is null && plan.Background is not null && console.Terminal is not null)
        {
            console.Terminal.Write("\e]11;" + plan.Background + "\a");
            console.Terminal.Flush();
            background = true;
        }

        try
        {
            return process.Run(ssh, request.SshArgs);
        }
        finally
        {
            if (restore is not null && tab is not null)
            {
                await RestoreAsync(tab, restore).ConfigureAwait(false);
            }

            // The terminal may be gone (SIGHUP after the window closed): the profile is restored, the rest is moot.
            try
            {
                if (background)
                {
                    console.Terminal!.Write("\e]111\a");
                    console.Terminal.Flush();
                }

                if (!request.Quiet && console.ErrorIsTerminal)
                {
                    console.Error.WriteLine("Welcome back!");
                }
            }
            catch (IOException)
            {
            }
        }
    }

    private sealed record Plan(SshDestination Destination, HostKeys Host, ProfileChoice? Profile, string? Background, KonsoleTarget? Target, IKonsoleTab? Tab, string? CurrentProfile, bool Skipped = false);

    private async Task<Plan> PlanAsync(SshRequest request, string ssh, SshDestination destination)
    {
        var host = new HostKeys(destination.Host, null, destination.User);
        if (request.NoSwitch)
        {
            Note("--no-switch: no profile switch");
            return new Plan(destination, host, null, null, null, null, null, Skipped: true);
        }

        SshConfig? config = null;
        try
        {
            config = NvtConfigFile.Load(NvtConfigFile.Locate(environment)).Ssh;
        }
        catch (ConfigException e)
        {
            Warn($"{e.Message} (the configuration is ignored)");
        }

        // `ssh -G` costs a process start, so it runs only when there are patterns to match its HostName against, and
        // meanwhile nvt talks to Konsole.
        Task<string?>? resolving = config?.Profiles?.Count > 0 || config?.Backgrounds?.Count > 0
            ? Task.Run(() => process.Capture(ssh, ["-G", .. request.SshArgs], ResolveTimeout))
            : null;

        var target = KonsoleTarget.FromEnvironment(environment, out string? whyNot);
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
                tab = await connect(target).ConfigureAwait(false);
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

        return new Plan(destination, host, choice, background, target, tab, current);
    }

    /// <summary>
    /// Switches the tab and returns the profile to restore, or null when the tab is not switched. The previous profile
    /// is profile() (Konsole 19.12+), or the window's default profile on older Konsole, which lacks profile().
    /// </summary>
    private async Task<string?> SwitchAsync(IKonsoleTab tab, string profile)
    {
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

    private async Task RestoreAsync(IKonsoleTab tab, string profile)
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

    private void PrintPlan(Plan plan, string ssh, IReadOnlyList<string> args)
    {
        var output = console.Output;
        var host = plan.Host;
        string resolved = host.HostName is null ? "" : $" (HostName {host.HostName}" + (host.User is null ? ")" : $", User {host.User})");
        output.WriteLine($"host: {host.Alias}{resolved}");
        output.WriteLine(plan.Profile is null ? "profile: (no switch)" : $"profile: {plan.Profile.Name} (from {plan.Profile.Reason})");
        if (plan.Target is null)
        {
            output.WriteLine(plan.Skipped ? "konsole: (not asked: --no-switch)" : "konsole: (not in a Konsole tab)");
        }
        else
        {
            string current = plan.CurrentProfile is null ? "" : $", current profile {plan.CurrentProfile}";
            output.WriteLine($"konsole: {plan.Target.Service} {plan.Target.SessionPath} on {plan.Target.BusAddress}{current}");
        }

        if (plan.Background is not null)
        {
            output.WriteLine($"background: {plan.Background} (OSC 11 when the profile is not switched)");
        }

        output.WriteLine("command: " + Quote(ssh, args));
    }

    /// <summary>The command as a shell would need it typed, for --dry-run.</summary>
    public static string Quote(string program, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var words = new List<string> { program };
        foreach (string arg in args)
        {
            bool plain = arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "@%+=:,./-_".Contains(c, StringComparison.Ordinal));
            words.Add(plain ? arg : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'");
        }

        return string.Join(' ', words);
    }

    private void Warn(string message) => console.Error.WriteLine("nvt: " + message);

    private void Note(string message)
    {
        if (verbose)
        {
            console.Error.WriteLine("nvt: " + message);
        }
    }
}
