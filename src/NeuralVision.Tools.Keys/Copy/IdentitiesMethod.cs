using NeuralVision.Tools.Keys.Agent;
using Renci.SshNet;

namespace NeuralVision.Tools.Keys.Copy;

/// <summary>
/// The keys of one SSH.NET publickey method, in ssh's order: the agent's keys that are also IdentityFiles, the agent's
/// other keys (not with IdentitiesOnly), then the IdentityFiles the agent does not hold. An agent key signs through
/// the agent, so a key the agent holds never needs its passphrase. Unencrypted files are loaded as they are; an
/// encrypted one is offered by its public half only, and its passphrase is asked only once the server said it would
/// accept that key (SSH.NET asks the server first when it has more than one algorithm to offer).
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
            var files = credentials.IdentityFiles.Where(File.Exists).Select(path => (Path: path, Blob: PublicBlob(path))).ToList();
            var agent = credentials.Agent;
            var held = credentials.AgentIdentities;
            if (agent is not null)
            {
                // The agent's copies of the IdentityFiles first (both RSA algorithms: the key ssh would use), then the rest.
                sources.AddRange(held.Where(id => files.Exists(file => file.Blob is not null && id.Holds(file.Blob))).Select(id => new AgentKeySource(agent, id, sha256Too: true)));
                if (!credentials.IdentitiesOnly)
                {
                    sources.AddRange(held.Where(id => !files.Exists(file => file.Blob is not null && id.Holds(file.Blob))).Select(id => new AgentKeySource(agent, id, sha256Too: false)));
                }
            }

            foreach (var (path, blob) in files)
            {
                if (blob is not null && held.Any(id => id.Holds(blob)))
                {
                    continue;
                }

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

    /// <summary>The public blob of an identity file (from FILE.pub or the key itself); null when it cannot be read.</summary>
    private static byte[]? PublicBlob(string path)
    {
        try
        {
            return KeyFiles.ReadPublicKeys(path)[0].Blob;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or KeyFormatException)
        {
            return null;
        }
    }

    /// <summary>An unencrypted key SSH.NET can read; null for one it cannot (FIDO keys, say), as ssh skips those too.</summary>
    private static PrivateKeyFile? Load(string path) => KeyFiles.OpenForSshNet(path, null);
}
