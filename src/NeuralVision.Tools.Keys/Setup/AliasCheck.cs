using System.ComponentModel;
using System.Globalization;
using NeuralVision.Tools.Platform.Processes;

namespace NeuralVision.Tools.Keys.Setup;

/// <summary>
/// The proof that `ssh NAME` works: the real ssh, with the configuration just written, run as
/// `ssh [-F CONFIG] -o BatchMode=yes -o PreferredAuthentications=publickey [-o OPTION...] NAME true`. BatchMode
/// means no password or passphrase can be asked and no unknown host key accepted, so only the key (in a file or in
/// the agent) can log in. The real ssh, rather than SSH.NET with the block's settings, because it is what the person
/// runs next: it reads every other block, Include and Match of their configuration as ssh does, and SSH.NET would
/// only prove nvt's reading of it.
/// </summary>
public static class AliasCheck
{
    private static TimeSpan Slack => TimeSpan.FromSeconds(20);

    /// <summary>The ssh arguments of the check (without the program).</summary>
    public static IReadOnlyList<string> Arguments(string name, string? config, IReadOnlyList<string> options, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(options);
        var args = new List<string>();
        if (config is not null)
        {
            args.AddRange(["-F", config]);
        }

        args.AddRange(["-o", "BatchMode=yes", "-o", "PreferredAuthentications=publickey"]);
        args.AddRange(["-o", string.Create(CultureInfo.InvariantCulture, $"ConnectTimeout={(int)Math.Ceiling(timeout.TotalSeconds)}")]);
        foreach (string option in options)
        {
            args.AddRange(["-o", option]);
        }

        args.AddRange(["--", name, "true"]);
        return args;
    }

    /// <returns>Null when ssh logged in; else what ssh said (its last line on stderr), or why it could not run.</returns>
    public static string? Run(IProcessRunner processes, string ssh, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(processes);
        CapturedRun? run;
        try
        {
            run = processes.Capture(new CaptureRequest(ssh, arguments, timeout + Slack, Input: string.Empty));
        }
        catch (Win32Exception)
        {
            return $"{ssh} could not be started";
        }

        if (run is null)
        {
            return string.Create(CultureInfo.InvariantCulture, $"ssh did not finish within {(timeout + Slack).TotalSeconds:0} s");
        }

        if (run.ExitCode == 0)
        {
            return null;
        }

        string last = run.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault("");
        return last.Length == 0 ? string.Create(CultureInfo.InvariantCulture, $"ssh exited {run.ExitCode}") : last;
    }
}
