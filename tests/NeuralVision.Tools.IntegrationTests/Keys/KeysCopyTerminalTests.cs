using NeuralVision.Tools.IntegrationTests.Infrastructure;
using NeuralVision.Tools.IntegrationTests.Shell;

namespace NeuralVision.Tools.IntegrationTests.Keys;

/// <summary>
/// `nvt keys copy` on a real terminal (bash in tmux), with no SSH_ASKPASS: the unknown-host question with ssh's answers,
/// and the password typed on the terminal without echo.
/// </summary>
public sealed class KeysCopyTerminalTests : IDisposable
{
    private readonly TestSshd server = new();
    private readonly TmuxShell shell = new(TestShell.Bash);

    public void Dispose()
    {
        shell.Dispose();
        server.Dispose();
    }

    [Fact]
    public void UnknownHostIsAskedAboutThenThePasswordIsTypedWithoutEcho()
    {
        shell.Run("nvt keys gen -t ed25519 --no-passphrase >/dev/null");
        int before = shell.PromptCount();
        shell.SendLine($"nvt keys copy -p {server.Port} {server.UserName}@127.0.0.1");

        Answer("Are you sure you want to continue connecting (yes/no/[fingerprint])?", "maybe");
        Answer("Please type 'yes', 'no' or the fingerprint:", "yes");
        Answer("Password:", server.Password);
        var output = shell.WaitForPrompt(before, "nvt keys copy to finish");

        Assert.Contains(output, line => line.StartsWith("ED25519 key fingerprint is SHA256:", StringComparison.Ordinal) || line.StartsWith("ECDSA key fingerprint is SHA256:", StringComparison.Ordinal));
        Assert.Contains(output, line => line.StartsWith("Warning: Permanently added '[127.0.0.1]:", StringComparison.Ordinal));
        Assert.Contains(output, line => line == "Number of key(s) added: 1");
        Assert.DoesNotContain(shell.Screen(), line => line.Contains(server.Password, StringComparison.Ordinal));
        Assert.Equal("0", shell.Eval("$?"));
        string known = File.ReadAllText(Path.Combine(shell.Home.Home, ".ssh", "known_hosts"));
        Assert.Single(known.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void AnsweringNoSendsNothing()
    {
        shell.Run("nvt keys gen -t ed25519 --no-passphrase >/dev/null");
        int before = shell.PromptCount();
        shell.SendLine($"nvt keys copy -p {server.Port} {server.UserName}@127.0.0.1");

        Answer("Are you sure you want to continue connecting (yes/no/[fingerprint])?", "no");
        var output = shell.WaitForPrompt(before, "nvt keys copy to give up");

        Assert.Contains(output, line => line.StartsWith("nvt: host key for [127.0.0.1]:", StringComparison.Ordinal));
        Assert.Equal("1", shell.Eval("$?"));
        Assert.False(File.Exists(server.AuthorizedKeysPath));
        Assert.DoesNotContain("password", server.Log, StringComparison.OrdinalIgnoreCase);
    }

    private void Answer(string prompt, string answer)
    {
        shell.WaitFor(lines => lines.Count > 0 && lines[^1].EndsWith(prompt, StringComparison.Ordinal), $"the prompt {prompt}");
        shell.Type(answer);
        shell.Keys("Enter");
    }
}
