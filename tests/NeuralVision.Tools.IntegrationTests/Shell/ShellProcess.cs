using System.Diagnostics;
using System.Text;
using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Shell;

/// <summary>Runs a non-interactive shell (or shellcheck) with a clean environment and the published nvt first on PATH.</summary>
public static class ShellProcess
{
    public static ProcessResult Run(TempHome home, string program, IEnumerable<string> args, string? stdin = null)
    {
        var start = new ProcessStartInfo(program, args)
        {
            WorkingDirectory = home.Home,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.Environment.Clear();
        start.Environment["HOME"] = home.Home;
        start.Environment["PATH"] = Path.GetDirectoryName(NvtBinary.Path) + ":/usr/bin:/bin";
        start.Environment["LANG"] = "C.UTF-8";
        start.Environment["XDG_DATA_HOME"] = Path.Combine(home.Home, ".local", "share");
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(home.Root, "config");
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(home.Root, "cache");

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + program);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in 30 s");
        }

        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }

    /// <summary>The shell's strictest clean non-interactive mode, running <paramref name="script"/>.</summary>
    public static ProcessResult RunStrict(TempHome home, TestShell shell, string script)
    {
        string[] args = shell switch
        {
            TestShell.Bash => ["--noprofile", "--norc", "-e", "-u", "-o", "pipefail", "-c", script],
            TestShell.Zsh => ["-f", "-e", "-u", "-o", "pipefail", "-c", script],
            TestShell.Fish => ["--no-config", "--private", "-c", script],
            _ => ["-e", "-u", "-c", script],
        };
        return Run(home, shell.Executable(), args);
    }
}
