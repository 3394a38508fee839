using NeuralVision.Tools.IntegrationTests.Infrastructure;
using NeuralVision.Tools.IntegrationTests.Shell;

namespace NeuralVision.Tools.IntegrationTests.Keys;

/// <summary>
/// `nvt keys setup` as a person runs it the first time, on a real terminal (bash in tmux), with no SSH_ASKPASS and no
/// agent: a new key's passphrase typed twice, the unknown host accepted, the password typed slower than
/// ConnectTimeout, the passphrase asked again for the check; what the screen shows, in its order.
/// </summary>
public sealed class KeysSetupTerminalTests : IDisposable
{
    private const string Passphrase = "a terminal pass phrase";

    private readonly TestSshd server = new();
    private readonly TmuxShell shell = new(TestShell.Bash);

    public void Dispose()
    {
        shell.Dispose();
        server.Dispose();
    }

    [Fact]
    public void Setup_FirstRunOnATerminal_EveryQuestionInTurnAndTheBlockShownBeforeTheCheckAsks()
    {
        int before = shell.PromptCount();
        shell.SendLine($"nvt keys setup -o ConnectTimeout=2 -p {server.Port} --alias puffin {server.UserName}@127.0.0.1");

        Answer("Enter passphrase (empty for no passphrase):", Passphrase);
        Answer("Enter same passphrase again:", Passphrase);
        Answer("Are you sure you want to continue connecting (yes/no/[fingerprint])?", "yes");
        WaitForPromptLine("Password:");
        // Slower than ConnectTimeout: the login waits for the person, as ssh's does.
        Thread.Sleep(TimeSpan.FromSeconds(3));
        shell.Type(server.Password);
        shell.Keys("Enter");
        Answer($"Enter passphrase for key '{Path.Combine(shell.Home.Home, ".ssh", "id_rsa")}':", Passphrase);
        var output = shell.WaitForPrompt(before, "nvt keys setup to finish");

        Assert.Equal("0", shell.Eval("$?"));
        var lines = output.ToList();
        int added = lines.IndexOf("Number of key(s) added: 1");
        int block = lines.IndexOf("Host puffin");
        int passphrase = lines.FindIndex(line => line.StartsWith("Enter passphrase for key", StringComparison.Ordinal));
        Assert.True(added >= 0 && added < block && block < passphrase, string.Join('\n', lines));
        Assert.Contains(lines, line => line == "Checked: " + server.UserName + "@127.0.0.1 accepts the key (nvt logged in with it).");
        Assert.Contains(lines, line => line.StartsWith("Now: ssh -F ", StringComparison.Ordinal) && line.EndsWith(" puffin", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("timed out", StringComparison.Ordinal));
        Assert.DoesNotContain(shell.Screen(), line => line.Contains(server.Password, StringComparison.Ordinal) || line.Contains(Passphrase, StringComparison.Ordinal));
    }

    private void WaitForPromptLine(string prompt) =>
        shell.WaitFor(lines => lines.Count > 0 && lines[^1].EndsWith(prompt, StringComparison.Ordinal), $"the prompt {prompt}");

    private void Answer(string prompt, string answer)
    {
        WaitForPromptLine(prompt);
        shell.Type(answer);
        shell.Keys("Enter");
    }
}
