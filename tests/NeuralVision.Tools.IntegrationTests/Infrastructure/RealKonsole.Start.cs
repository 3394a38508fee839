using System.Diagnostics;
using System.Globalization;
using NeuralVision.Tools.IntegrationTests.Ssh;
using Tmds.DBus.Protocol;

namespace NeuralVision.Tools.IntegrationTests.Infrastructure;

// The start sequence of RealKonsole (Xvfb, the private bus, Konsole, the tab's shell, the first painted background),
// kept apart from the members tests call.
public sealed partial class RealKonsole
{
    // ---------------------------------------------------------------- start

    private string Window => window ?? throw new InvalidOperationException("the Konsole window is not known yet");

    private async Task StartCoreAsync()
    {
        var total = Stopwatch.StartNew();
        var step = Stopwatch.StartNew();
        foreach (string directory in new[] { ConfigHome, ProfileDirectory, Path.Combine(Home, ".cache"), RuntimeDirectory })
        {
            Directory.CreateDirectory(directory);
        }

        File.SetUnixFileMode(RuntimeDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllText(EmptyLayout, "");
        File.WriteAllText(Path.Combine(ConfigHome, "konsolerc"), KonsoleFiles.Konsolerc(StartProfile.Name));
        foreach (var written in options.OtherProfiles.Prepend(StartProfile))
        {
            WriteProfile(written);
        }

        // 1. X server. -displayfd makes it pick a free display and write the number to that fd: fd 1 here, stdout,
        //    which nothing else writes to (its log goes to stderr). No -auth: local clients need no cookie.
        xvfb = OwnedProcess.Start("Xvfb", ["-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "1024x768x24"],
            new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin", ["HOME"] = Home }, Root);
        Record(xvfb.Mark, leadsGroup: true);
        string? number = await xvfb.FirstOutputLineAsync(options.StepTimeout).ConfigureAwait(false);
        if (number is null || !int.TryParse(number, CultureInfo.InvariantCulture, out _))
        {
            throw new InvalidOperationException($"Xvfb did not report a display within {options.StepTimeout.TotalSeconds} s ({xvfb.Status}); its stderr:\n{xvfb.Errors}");
        }

        Display = ":" + number;
        Report("Xvfb " + Display, step);

        // 2. The private bus, inside the run directory.
        bus = new DBusDaemon(Root);
        Record(ProcessTree.Mark(bus.ProcessId) ?? new ProcessMark(bus.ProcessId, -1), leadsGroup: false);
        Report("dbus-daemon", step);

        // 3. Konsole, with nothing of this process's environment: a developer's own KONSOLE_DBUS_*, WAYLAND_DISPLAY
        //    or session bus must not leak in. --separate (alias --nofork) keeps it from handing over to another
        //    Konsole, so the pid is Konsole's and the bus name org.kde.konsole-PID.
        environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        environment["LANG"] = "C.UTF-8";
        environment["HOME"] = Home;
        environment["USER"] = System.Environment.UserName;
        environment["SHELL"] = "/bin/bash";
        environment["DISPLAY"] = Display;
        environment["QT_QPA_PLATFORM"] = "xcb";
        environment["XDG_CONFIG_HOME"] = ConfigHome;
        environment["XDG_DATA_HOME"] = DataHome;
        environment["XDG_CACHE_HOME"] = Path.Combine(Home, ".cache");
        environment["XDG_RUNTIME_DIR"] = RuntimeDirectory;
        environment["DBUS_SESSION_BUS_ADDRESS"] = bus.Address;
        konsole = OwnedProcess.Start("konsole", ["--separate", "--profile", StartProfile.Name], environment, Home);
        Record(konsole.Mark, leadsGroup: true);
        client = await KonsoleDBusClient.ConnectAsync(bus.Address, ServiceName).ConfigureAwait(false);
        string profile = await UntilAsync("Konsole to answer profile() on " + ServiceName + " " + SessionPath, async () =>
        {
            try
            {
                return await client.ProfileAsync(SessionPath).ConfigureAwait(false);
            }
            catch (DBusErrorReplyException)
            {
                // ServiceUnknown until Konsole has taken its name, UnknownObject until the session exists.
                return null;
            }
        }).ConfigureAwait(false);
        if (profile != StartProfile.Name)
        {
            throw new InvalidOperationException($"Konsole started with profile '{profile}' instead of '{StartProfile.Name}'; its stderr:\n{KonsoleErrors}");
        }

        UniqueName = await client.GetNameOwnerAsync(ServiceName).ConfigureAwait(false);
        Report("Konsole on D-Bus", step);

        window = await UntilAsync("Konsole's window to be mapped", () =>
            Task.FromResult(XScreen.VisibleWindows(Display, Home, ProcessId) is [var first, ..] ? first : null)).ConfigureAwait(false);
        Report("window " + window, step);

        // 4. The shell: it runs what is typed into the tab (and writes its environment), then the screen is clear.
        ShellProcessId = await client.ProcessIdAsync(SessionPath).ConfigureAwait(false);
        if (ProcessTree.Mark(ShellProcessId) is { } shell)
        {
            Record(shell, leadsGroup: true);
        }

        string envFile = Path.Combine(Root, "tab-env");
        await RunCommandAsync($"clear; env -0 > '{envFile}.tmp'; mv '{envFile}.tmp' '{envFile}'").ConfigureAwait(false);
        TabEnvironment = EnvironmentDump.Parse(await WaitForFileAsync(envFile, options.StepTimeout).ConfigureAwait(false));
        Report("shell", step);

        // 5. What a user sees: the start profile's background.
        var seen = await WaitForBackgroundAsync(StartProfile.Background, options.StepTimeout).ConfigureAwait(false);
        if (seen.Colour != StartProfile.Background || seen.Share < BackgroundShare)
        {
            throw new InvalidOperationException($"the tab shows {seen}, not {StartProfile.Name}'s background {StartProfile.Background}; Konsole's stderr:\n{KonsoleErrors}");
        }

        Report("painted " + seen, step);
        StartDuration = total.Elapsed;
        report.Append(CultureInfo.InvariantCulture, $"total {StartDuration.TotalSeconds:0.00} s");
    }

    /// <summary>Polls <paramref name="attempt"/> until it gives a value; fails after the step timeout or when Konsole ended.</summary>
    private async Task<T> UntilAsync<T>(string what, Func<Task<T?>> attempt)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await attempt().ConfigureAwait(false) is { } value)
            {
                return value;
            }

            if (konsole!.HasExited || clock.Elapsed > options.StepTimeout)
            {
                throw new InvalidOperationException(
                    $"waited {clock.Elapsed.TotalSeconds:0.0} s for {what}; Konsole {konsole.Status}; its stderr:\n{KonsoleErrors}");
            }

            await Task.Delay(Poll).ConfigureAwait(false);
        }
    }

    private void Record(ProcessMark process, bool leadsGroup)
    {
        processes.Add(process);
        run.Record(process, leadsGroup);
    }

    private void Report(string what, Stopwatch step)
    {
        report.Append(CultureInfo.InvariantCulture, $"{what} {step.Elapsed.TotalSeconds:0.00} s, ");
        step.Restart();
    }
}
