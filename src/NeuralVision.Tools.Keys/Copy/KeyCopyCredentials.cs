using NeuralVision.Tools.Platform.Terminals;
using Renci.SshNet;

namespace NeuralVision.Tools.Keys.Copy;

/// <summary>
/// The credentials of one `keys copy` run, shared by its connections (install, exec fallback): each secret is asked at
/// most once per attempt and a password that worked is reused instead of asked again. Passwords live in memory only for
/// the run; they never reach argv, the environment or any output.
/// </summary>
public sealed class KeyCopyCredentials
{
    /// <summary>OpenSSH's NumberOfPasswordPrompts default.</summary>
    public const int PasswordAttempts = 3;

    private readonly ITerminal terminal;
    private readonly Dictionary<string, string> passphrases = new(StringComparer.Ordinal);
    private string? workingPassword;

    public KeyCopyCredentials(ITerminal terminal, string user, string host, IReadOnlyList<string> identityFiles)
    {
        this.terminal = terminal;
        User = user;
        Host = host;
        IdentityFiles = identityFiles;
    }

    public string User { get; }

    public string Host { get; }

    public IReadOnlyList<string> IdentityFiles { get; }

    /// <summary>Passwords asked so far in this run; after <see cref="PasswordAttempts"/> nvt stops asking.</summary>
    public int PasswordsAsked { get; private set; }

    /// <summary>True when the person declined to give a password (end of input, askpass cancelled, no terminal).</summary>
    public bool PasswordUnavailable { get; private set; }

    /// <summary>
    /// The methods for one connection, in OpenSSH's order: the identity files (one publickey method; an encrypted key's
    /// passphrase is asked only after the server said it would accept that key), then keyboard-interactive and password
    /// alternating, up to three passwords in all.
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

    /// <summary>The password to send next: the one that already worked in this run, else a new answer.</summary>
    internal string? NextPassword(string prompt, bool retryKnown)
    {
        if (workingPassword is not null && retryKnown)
        {
            return workingPassword;
        }

        if (PasswordsAsked >= PasswordAttempts || PasswordUnavailable)
        {
            return null;
        }

        PasswordsAsked++;
        string? answer = terminal.AskSecret(prompt);
        if (answer is null)
        {
            PasswordUnavailable = true;
        }

        return answer;
    }

    internal void PasswordWorked(string password) => workingPassword = password;

    /// <summary>The passphrase that opened this key earlier in the run, else a new answer (null or empty: skip the key).</summary>
    internal string? Passphrase(string path) =>
        passphrases.TryGetValue(path, out string? known) ? known : terminal.AskSecret($"Enter passphrase for key '{path}': ");

    /// <summary>Remembers a passphrase that opened its key, so the login that checks the new key does not ask again.</summary>
    internal void PassphraseWorked(string path, string passphrase) => passphrases[path] = passphrase;

    internal static bool IsEncrypted(string path)
    {
        try
        {
            string text = File.ReadAllText(path);
            return Keys.OpenSshPrivateKeyFormat.IsOpenSshPrivateKey(text)
                ? Keys.OpenSshPrivateKeyFormat.IsEncrypted(text)
                : text.Contains("ENCRYPTED", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Keys.KeyFormatException)
        {
            return false;
        }
    }
}
