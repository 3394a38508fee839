using Renci.SshNet;

namespace NeuralVision.Tools.Keys.Copy;

/// <summary>
/// The identity files in one SSH.NET publickey method. Unencrypted keys are loaded as they are. An encrypted key is
/// offered by its public half only (from FILE.pub or the OpenSSH file's clear header); SSH.NET asks the server
/// first when it has more than one key to offer, and signs, which is when nvt asks for the passphrase, only after
/// the server accepted the key. So installing a new encrypted key never asks for its passphrase, as with ssh.
/// </summary>
internal sealed class IdentitiesMethod(KeyCopyCredentials credentials) : AuthenticationMethod(credentials.User)
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
                if (KeyCopyCredentials.IsEncrypted(path))
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
