using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Shell;

/// <summary>Runs a non-interactive shell (or shellcheck) with a clean environment and the published nvt first on PATH.</summary>
public static class ShellProcess
{
    public static ProcessResult Run(TempHome home, string program, IEnumerable<string> args, string? stdin = null) =>
        ChildProcess.Run(
            program,
            args,
            stdin,
            new Dictionary<string, string>
            {
                ["HOME"] = home.Home,
                ["PATH"] = Path.GetDirectoryName(NvtBinary.Path) + ":/usr/bin:/bin",
                ["LANG"] = "C.UTF-8",
                ["XDG_DATA_HOME"] = Path.Combine(home.Home, ".local", "share"),
                ["XDG_CONFIG_HOME"] = Path.Combine(home.Root, "config"),
                ["XDG_CACHE_HOME"] = Path.Combine(home.Root, "cache"),
            },
            TimeSpan.FromSeconds(30),
            workingDirectory: home.Home,
            cleanEnvironment: true);

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
