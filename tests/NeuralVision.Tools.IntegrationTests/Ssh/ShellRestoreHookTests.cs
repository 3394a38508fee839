using System.Diagnostics;
using System.Globalization;
using NeuralVision.Tools.IntegrationTests.Shell;

namespace NeuralVision.Tools.IntegrationTests.Ssh;

/// <summary>
/// The prompt's restore check in real interactive bash, zsh, fish and sh (tmux, the published nvt behind a logging
/// wrapper): an ordinary prompt starts no process; a marker left by an nvt that is gone makes the next prompt run
/// `nvt profiles restore`, which writes the terminal's reset and removes the marker; a running nvt's marker is left.
/// </summary>
public sealed class ShellRestoreHookTests
{
    public static TheoryData<TestShell> Shells => [TestShell.Bash, TestShell.Zsh, TestShell.Fish, TestShell.Posix];

    [Theory]
    [MemberData(nameof(Shells))]
    public void Prompt_MarkerOfARunningNvtIsLeft_AKilledOnesRestoredOnceAndRemoved(TestShell kind)
    {
        using var shell = new TmuxShell(kind);
        string marker = shell.Eval("$NVT_RESTORE_MARKER");
        Assert.Equal(Path.Combine(shell.Home.Home, ".cache", "nvt-restore."), marker[..^marker.Split('.')[^1].Length]);

        // Ordinary prompts run no restore (and, but in sh, whose hook is a command substitution, no process at all:
        // ShellHookTests counts those).
        shell.Run("true");
        shell.Run("");
        Assert.Equal(0, Restores(shell));

        // A running nvt (a background or suspended job) restores the tab itself when its ssh ends.
        using (var running = Process.Start("sleep", "30"))
        {
            WriteMarker(marker, running.Id);
            shell.Run("true");
            running.Kill();
            Assert.Equal(0, Restores(shell));
            Assert.True(File.Exists(marker));
        }

        WriteMarker(marker, DeadPid());
        var output = shell.Run("true");

        Assert.Contains($"profiles restore {marker}", shell.NvtCalls());
        Assert.Contains(output, line => line.Contains("nvt: restored the terminal's background", StringComparison.Ordinal));
        Assert.False(File.Exists(marker), kind + ": the marker is left" + TmuxShell.Show(shell.Screen()));
        shell.Run("");
        Assert.Equal(1, Restores(shell));
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void Prompt_HookNone_HasNoRestoreCheck(TestShell kind)
    {
        using var shell = new TmuxShell(kind, new TmuxShellOptions { InitOptions = "--hook none" });
        string marker = shell.Eval("$NVT_RESTORE_MARKER");

        WriteMarker(marker, DeadPid());
        shell.Run("true");

        Assert.True(File.Exists(marker));
        Assert.Equal(0, Restores(shell));
    }

    private static int Restores(TmuxShell shell) => shell.NvtCalls().Count(call => call.StartsWith("profiles restore", StringComparison.Ordinal));

    private static void WriteMarker(string path, int pid)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, pid.ToString(CultureInfo.InvariantCulture) + "\nundo=Osc111\n");
    }

    private static int DeadPid()
    {
        using var ended = Process.Start("true");
        ended.WaitForExit();
        return ended.Id;
    }
}
