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
        string? answer = prompts.AskSecret(prompt);
        if (answer is null)
        {
            PasswordUnavailable = true;
        }

        return answer;
    }

    internal void PasswordWorked(string password) => workingPassword = password;

    /// <summary>The passphrase that opened this key earlier in the run, else a new answer (null or empty: skip the key).</summary>
    internal string? Passphrase(string path) =>
        passphrases.TryGetValue(path, out string? known) ? known : prompts.AskSecret($"Enter passphrase for key '{path}': ");

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

    /// <summary>
    /// The identity files in one SSH.NET publickey method. Unencrypted keys are loaded as they are. An encrypted key is
    /// offered by its public half only (from FILE.pub or the OpenSSH file's clear header); SSH.NET asks the server
    /// first when it has more than one key to offer, and signs, which is when nvt asks for the passphrase, only after
    /// the server accepted the key. So installing a new encrypted key never asks for its passphrase, as with ssh.
    /// </summary>
    private sealed class IdentitiesMethod(KeyCopyCredentials credentials) : AuthenticationMethod(credentials.User)
    {
        public override string Name => "publickey";

        public override AuthenticationResult Authenticate(Session session)
        {
            var sources = new List<IPrivateKeySource>();
            var loaded = new List<PrivateKeyFile>();
            try
            {
                foreach (string path in credentials.IdentityFiles.Where(File.Exists))
                {
                    if (IsEncrypted(path))
                    {
                        if (DeferredKey.Open(path, credentials) is DeferredKey deferred)
                        {
                            sources.Add(deferred);
                        }
                    }
                    else if (Load(path) is PrivateKeyFile key)
                    {
                        loaded.Add(key);
                        sources.Add(key);
                    }
                }

                // With a single algorithm to offer SSH.NET signs at once instead of asking the server first, which would
                // ask for the passphrase of a key the server may not know: offering it twice keeps the question.
                if (sources.Sum(source => source.HostKeyAlgorithms.Count) == 1 && sources[0] is DeferredKey lone)
                {
                    sources.Add(lone);
                }

                if (sources.Count == 0)
                {
                    AllowedAuthentications ??= ["publickey", "keyboard-interactive", "password"];
                    return AuthenticationResult.Failure;
                }

                using var inner = new PrivateKeyAuthenticationMethod(Username, [.. sources]);
                var result = inner.Authenticate(session);
                AllowedAuthentications = inner.AllowedAuthentications;
                return result;
            }
            finally
            {
                loaded.ForEach(key => key.Dispose());
            }
        }

        /// <summary>An unencrypted key SSH.NET can read; null for one it cannot (FIDO keys, say).</summary>
        private static PrivateKeyFile? Load(string path)
        {
            try
            {
                return new PrivateKeyFile(path);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // ssh too skips identities it cannot load.
                return null;
            }
        }
    }

    /// <summary>An encrypted identity: its public half now, its private half (and the passphrase) only to sign.</summary>
    private sealed class DeferredKey : IPrivateKeySource
    {
        private readonly string path;
        private readonly KeyCopyCredentials credentials;
        private PrivateKeyFile? key;
        private bool failed;

        private DeferredKey(string path, KeyCopyCredentials credentials, byte[] publicBlob, string keyType)
        {
            this.path = path;
            this.credentials = credentials;
            string[] names = keyType == "ssh-rsa" ? ["rsa-sha2-512", "rsa-sha2-256"] : [keyType];
            HostKeyAlgorithms = [.. names.Select(name => new DeferredAlgorithm(name, publicBlob, this))];
        }

        public IReadOnlyCollection<Renci.SshNet.Security.HostAlgorithm> HostKeyAlgorithms { get; }

        /// <summary>The encrypted key at <paramref name="path"/>, by its public half; null when that cannot be read.</summary>
        public static DeferredKey? Open(string path, KeyCopyCredentials credentials)
        {
            try
            {
                var publicKey = File.Exists(path + ".pub")
                    ? Keys.SshPublicKey.ParseLine(File.ReadAllLines(path + ".pub").FirstOrDefault(line => line.Trim().Length > 0) ?? "")
                    : Keys.OpenSshPrivateKeyFormat.ReadPublicKey(File.ReadAllText(path));
                return publicKey is null ? null : new DeferredKey(path, credentials, publicKey.Blob, publicKey.TypeName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Keys.KeyFormatException)
            {
                return null;
            }
        }

        /// <summary>Signs with the real key, asking for the passphrase the first time; an unusable signature when it cannot.</summary>
        internal byte[] Sign(string algorithm, byte[] data)
        {
            if (key is null && !failed)
            {
                string? passphrase = credentials.Passphrase(path);
                try
                {
                    key = string.IsNullOrEmpty(passphrase) ? null : new PrivateKeyFile(path, passphrase);
                    if (key is not null)
                    {
                        credentials.PassphraseWorked(path, passphrase!);
                    }
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    key = null;
                }

                failed = key is null;
            }

            var real = key?.HostKeyAlgorithms.FirstOrDefault(candidate => candidate.Name == algorithm);
            // The server rejects an empty signature like a wrong one, and nvt goes on with the next method.
            return real is null ? [] : real.Sign(data);
        }
    }

    private sealed class DeferredAlgorithm(string name, byte[] publicBlob, DeferredKey key) : Renci.SshNet.Security.HostAlgorithm(name)
    {
        public override byte[] Data => publicBlob;

        public override byte[] Sign(byte[] data) => key.Sign(Name, data);

        public override bool VerifySignature(byte[] data, byte[] signature) =>
            throw new NotSupportedException("a client identity never verifies signatures");
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
