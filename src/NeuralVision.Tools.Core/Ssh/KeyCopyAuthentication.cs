using System.Text;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace NeuralVision.Tools.Ssh;

/// <summary>
/// The credentials of one `keys copy` run, shared by its connections (install, exec fallback): each secret is asked at
/// most once per attempt and a password that worked is reused instead of asked again. Passwords live in memory only for
/// the run; they never reach argv, the environment or any output.
/// </summary>
public sealed class KeyCopyCredentials
{
    /// <summary>OpenSSH's NumberOfPasswordPrompts default.</summary>
    public const int PasswordAttempts = 3;

    private readonly IKeyCopyPrompts prompts;
    private readonly Dictionary<string, string> passphrases = new(StringComparer.Ordinal);
    private string? workingPassword;

    public KeyCopyCredentials(IKeyCopyPrompts prompts, string user, string host, IReadOnlyList<string> identityFiles)
    {
        this.prompts = prompts;
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
    /// The methods for one connection, in OpenSSH's order: identities without a passphrase, then those with one (asked
    /// only when reached), then keyboard-interactive and password alternating, up to three passwords in all.
    /// </summary>
    public AuthenticationMethod[] Methods()
    {
        var methods = new List<AuthenticationMethod>();
        var existing = IdentityFiles.Where(File.Exists).ToList();
        methods.AddRange(existing.Where(path => !IsEncrypted(path)).Select(path => new IdentityFileMethod(this, path)));
        methods.AddRange(existing.Where(IsEncrypted).Select(path => new IdentityFileMethod(this, path)));
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
        string? answer = prompts.AskSecret(prompt);
        if (answer is null)
        {
            PasswordUnavailable = true;
        }

        return answer;
    }

    internal void PasswordWorked(string password) => workingPassword = password;

    internal string? Passphrase(string path)
    {
        if (passphrases.TryGetValue(path, out string? known))
        {
            return known;
        }

        string? answer = prompts.AskSecret($"Enter passphrase for key '{path}': ");
        if (!string.IsNullOrEmpty(answer))
        {
            passphrases[path] = answer;
        }

        return answer;
    }

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

    /// <summary>One identity file, loaded when its turn comes (so an encrypted key's passphrase is asked only then).</summary>
    private sealed class IdentityFileMethod(KeyCopyCredentials credentials, string path) : AuthenticationMethod(credentials.User)
    {
        public override string Name => "publickey";

        public override AuthenticationResult Authenticate(Session session)
        {
            PrivateKeyFile key;
            try
            {
                key = IsEncrypted(path) ? LoadEncrypted() : new PrivateKeyFile(path);
            }
            catch (Exception e) when (e is SshException or IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or InvalidOperationException)
            {
                // An identity SSH.NET cannot read (a FIDO key, a format it lacks) is skipped, as ssh skips keys it cannot load.
                AllowedAuthentications ??= ["publickey", "keyboard-interactive", "password"];
                return AuthenticationResult.Failure;
            }

            using (key)
            using (var inner = new PrivateKeyAuthenticationMethod(Username, key))
            {
                var result = inner.Authenticate(session);
                AllowedAuthentications = inner.AllowedAuthentications;
                return result;
            }
        }

        private PrivateKeyFile LoadEncrypted()
        {
            string? passphrase = credentials.Passphrase(path);
            if (string.IsNullOrEmpty(passphrase))
            {
                throw new InvalidOperationException("no passphrase");
            }

            return new PrivateKeyFile(path, passphrase);
        }
    }

    private sealed class PromptedPasswordMethod(KeyCopyCredentials credentials) : AuthenticationMethod(credentials.User)
    {
        public override string Name => "password";

        public override AuthenticationResult Authenticate(Session session)
        {
            string? password = credentials.NextPassword($"{credentials.User}@{credentials.Host}'s password: ", retryKnown: true);
            if (password is null)
            {
                AllowedAuthentications ??= ["password"];
                return AuthenticationResult.Failure;
            }

            using var inner = new PasswordAuthenticationMethod(Username, Encoding.UTF8.GetBytes(password));
            var result = inner.Authenticate(session);
            AllowedAuthentications = inner.AllowedAuthentications;
            if (result == AuthenticationResult.Success)
            {
                credentials.PasswordWorked(password);
            }

            return result;
        }
    }

    /// <summary>keyboard-interactive: each echo-less server prompt (PAM's "Password: ") is answered with a password.</summary>
    private sealed class PromptedKeyboardInteractiveMethod(KeyCopyCredentials credentials) : AuthenticationMethod(credentials.User)
    {
        public override string Name => "keyboard-interactive";

        public override AuthenticationResult Authenticate(Session session)
        {
            string? lastAnswer = null;
            bool gaveUp = false;
            using var inner = new KeyboardInteractiveAuthenticationMethod(Username);
            inner.AuthenticationPrompt += (_, e) =>
            {
                foreach (var prompt in e.Prompts)
                {
                    string? answer = gaveUp ? null : credentials.NextPassword($"({credentials.User}@{credentials.Host}) {prompt.Request}", retryKnown: lastAnswer is null);
                    gaveUp |= answer is null;
                    lastAnswer = answer;
                    prompt.Response = answer ?? "";
                }
            };
            var result = inner.Authenticate(session);
            AllowedAuthentications = inner.AllowedAuthentications;
            if (result == AuthenticationResult.Success && lastAnswer is not null)
            {
                credentials.PasswordWorked(lastAnswer);
            }

            return result;
        }
    }
}
