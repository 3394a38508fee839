using NeuralVision.Tools.IntegrationTests.Shell;

namespace NeuralVision.Tools.IntegrationTests.Keys;

/// <summary>`nvt keys gen` on a real terminal (bash in tmux): the passphrase prompt without echo, and Overwrite (y/n)?.</summary>
public sealed class KeysTerminalTests : IDisposable
{
    private const string FirstPrompt = "Enter passphrase (empty for no passphrase): ";
    private const string SecondPrompt = "Enter same passphrase again: ";
    private readonly TmuxShell shell = new(TestShell.Bash);

    public void Dispose() => shell.Dispose();

    private string KeyPath => Path.Combine(shell.Home.Home, "k");

    [Fact]
    public void Gen_OnTerminal_AsksTwiceWithoutEchoAndEncrypts()
    {
        int before = shell.PromptCount();
        shell.SendLine("nvt keys gen -t ed25519 -f ~/k");
        Answer(FirstPrompt, "first try");
        Answer(SecondPrompt, "second try");
        shell.WaitFor(lines => lines.Any(line => line == "Passphrases do not match.  Try again."), "the mismatch message");
        Answer(FirstPrompt, "typed secret", occurrence: 2);
        Answer(SecondPrompt, "typed secret", occurrence: 2);
        var output = shell.WaitForPrompt(before, "nvt keys gen to finish");

        Assert.Contains(output, line => line == "The key fingerprint is:");
        Assert.DoesNotContain(shell.Screen(), line => line.Contains("secret", StringComparison.Ordinal) || line.Contains("try", StringComparison.Ordinal));
        Assert.Equal(0, SshKeygen.Run("-y", "-P", "typed secret", "-f", KeyPath).ExitCode);
        Assert.Equal("0", shell.Eval("$?"));
    }

    [Fact]
    public void Gen_ExistingKeyOnTerminal_AsksOverwriteAndKeepsItOnNo()
    {
        shell.Run("nvt keys gen -t ed25519 -f ~/k -N ''");
        string first = File.ReadAllText(KeyPath);

        int before = shell.PromptCount();
        shell.SendLine("nvt keys gen -t ed25519 -f ~/k -N ''");
        Answer("Overwrite (y/n)? ", "n");
        var output = shell.WaitForPrompt(before, "nvt keys gen to give up");

        Assert.Contains($"nvt: not overwriting {KeyPath}", output);
        Assert.Equal(first, File.ReadAllText(KeyPath));

        before = shell.PromptCount();
        shell.SendLine("nvt keys gen -t ed25519 -f ~/k -N ''");
        Answer("Overwrite (y/n)? ", "y");
        shell.WaitForPrompt(before, "nvt keys gen to overwrite");
        Assert.NotEqual(first, File.ReadAllText(KeyPath));
    }

    [Fact]
    public void Gen_CtrlCAtPassphrasePrompt_RestoresEcho()
    {
        int before = shell.PromptCount();
        shell.SendLine("nvt keys gen -t ed25519 -f ~/k");
        shell.WaitFor(lines => lines.Count > 0 && lines[^1] == FirstPrompt.TrimEnd(), "the passphrase prompt");
        shell.Keys("C-c");
        shell.WaitForPrompt(before, "nvt to end on Ctrl-C");

        Assert.Equal("130", shell.Eval("$?"));
        // bash hands each command the terminal modes it found before reading the command line, so a stty run now sees
        // what nvt left behind.
        Assert.Contains("echo", shell.Run("stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\{0,1\\}echo'"));
        Assert.False(File.Exists(KeyPath));
    }

    /// <summary>Waits for the prompt (the last line, for the given time) and types the answer and Enter.</summary>
    private void Answer(string prompt, string answer, int occurrence = 1)
    {
        shell.WaitFor(
            lines => lines.Count(line => line.EndsWith(prompt.TrimEnd(), StringComparison.Ordinal)) >= occurrence && lines[^1].EndsWith(prompt.TrimEnd(), StringComparison.Ordinal),
            $"the prompt {prompt.Trim()}");
        shell.Type(answer);
        shell.Keys("Enter");
    }
}
