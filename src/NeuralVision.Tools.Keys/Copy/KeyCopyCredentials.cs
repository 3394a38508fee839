using NeuralVision.Tools.Keys.Agent;
using NeuralVision.Tools.Platform.Terminals;
using Renci.SshNet;

namespace NeuralVision.Tools.Keys.Copy;

/// <summary>
/// The credentials for one host of a `keys copy` run, shared by its connections (install, exec fallback, the check):
/// the agent's keys, the identity files, and passwords, each secret asked at most once per attempt and a password that
/// worked reused instead of asked again. Secrets live in memory only for the run; they never reach argv, the
/// environment or any output.
/// </summary>
public sealed class KeyCopyCredentials
{
    /// <summary>OpenSSH's NumberOfPasswordPrompts default.</summary>
    public const int PasswordAttempts = 3;

    private readonly ITerminal terminal;
    private readonly Action<string> report;
    private readonly Dictionary<string, string> passphrases = new(StringComparer.Ordinal);
    private IReadOnlyList<AgentIdentity>? agentIdentities;
    private string? workingPassword;
    private bool passwordMethodFailed;

    /// <param name="agent">The ssh-agent whose keys are offered first; null without one.</param>
    /// <param name="report">Where a line for the person goes (stderr): ssh's "Permission denied, please try again."</param>
    public KeyCopyCredentials(ITerminal terminal, string user, string host, IReadOnlyList<string> identityFiles, SshAgentClient? agent, bool identitiesOnly, Action<string> report)
    {
        this.terminal = terminal;
        this.report = report;
        User = user;
        Host = host;
        IdentityFiles = identityFiles;
        Agent = agent;
        IdentitiesOnly = identitiesOnly;
    }

    public string User { get; }

    public string Host { get; }

    public IReadOnlyList<string> IdentityFiles { get; }

    public SshAgentClient? Agent { get; }

    /// <summary>ssh_config IdentitiesOnly: the agent's keys are offered only when they are one of the IdentityFiles.</summary>
    public bool IdentitiesOnly { get; }

    /// <summary>Passwords asked so far in this run; after <see cref="PasswordAttempts"/> nvt stops asking.</summary>
    public int PasswordsAsked { get; private set; }

    /// <summary>True when the person declined to give a password (end of input, askpass cancelled, no terminal).</summary>
    public bool PasswordUnavailable { get; private set; }

    /// <summary>The keys the agent holds, asked once per run; none when there is no agent or it fails.</summary>
    public IReadOnlyList<AgentIdentity> AgentIdentities
    {
        get
        {
            if (agentIdentities is null)
            {
                try
                {
                    agentIdentities = Agent?.ListIdentities() ?? [];
                }
                catch (AgentException)
                {
                    // ssh too goes on without an agent that does not answer.
                    agentIdentities = [];
                }
            }

            return agentIdentities;
        }
    }

    /// <summary>
    /// The methods for one connection, in OpenSSH's order: the keys (one publickey method: the agent's, then the
    /// identity files; an encrypted file's passphrase is asked only after the server said it would accept that key),
    /// then keyboard-interactive and password alternating, up to three passwords in all.
    /// </summary>
    public AuthenticationMethod[] Methods()
    {
        var methods = new List<AuthenticationMethod> { new IdentitiesMethod(this) };
        for (int attempt = 0; attempt < PasswordAttempts; attempt++)
        {
            methods.Add(new PromptedKeyboardInteractiveMethod(this));
            methods.Add(new PromptedPasswordMethod(this));
        }

        return [.. methods];
    }

    /// <summary>The agent's copy of a key, when the agent holds it.</summary>
    public AgentIdentity? AgentCopyOf(ReadOnlySpan<byte> blob)
    {
        foreach (var identity in AgentIdentities)
        {
            if (identity.Holds(blob))
            {
                return identity;
            }
        }

        return null;
    }

    /// <summary>The password to send next: the one that already worked in this run, else a new answer.</summary>
    internal string? NextPassword(string prompt, bool retryKnown, bool passwordMethod)
    {
        if (workingPassword is not null && retryKnown)
        {
            return workingPassword;
        }

        if (PasswordsAsked >= PasswordAttempts || PasswordUnavailable)
        {
            return null;
        }

        // ssh's password method says so before it asks again; keyboard-interactive (PAM) just asks again.
        if (passwordMethod && passwordMethodFailed)
        {
            report("Permission denied, please try again.");
        }

        passwordMethodFailed = false;
        PasswordsAsked++;
        string? answer = terminal.AskSecret(prompt);
        if (answer is null)
        {
            PasswordUnavailable = true;
        }

        return answer;
    }

    internal void PasswordWorked(string password) => workingPassword = password;

    internal void PasswordFailed() => passwordMethodFailed = true;

    /// <summary>The passphrase that opened this key earlier in the run, else a new answer (null or empty: skip the key).</summary>
    internal string? Passphrase(string path) =>
        passphrases.TryGetValue(path, out string? known) ? known : terminal.AskSecret($"Enter passphrase for key '{path}': ");

    /// <summary>Asks for the passphrase again (the last one did not open the key): no memory of the wrong one.</summary>
    internal string? AskPassphraseAgain(string path)
    {
        passphrases.Remove(path);
        return terminal.AskSecret($"Enter passphrase for key '{path}': ");
    }

    /// <summary>Remembers a passphrase that opened its key, so the login that checks the new key does not ask again.</summary>
    internal void PassphraseWorked(string path, string passphrase) => passphrases[path] = passphrase;

    internal static bool IsEncrypted(string path)
    {
        try
        {
            string text = System.Text.Encoding.UTF8.GetString(Platform.Files.RegularFile.ReadAll(path, KeyFingerprints.MaxFileBytes));
            return OpenSshPrivateKeyFormat.IsOpenSshPrivateKey(text)
                ? OpenSshPrivateKeyFormat.IsEncrypted(text)
                : text.Contains("ENCRYPTED", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or KeyFormatException)
        {
            return false;
        }
    }
}
