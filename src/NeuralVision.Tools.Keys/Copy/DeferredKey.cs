using Renci.SshNet;

namespace NeuralVision.Tools.Keys.Copy;

/// <summary>An encrypted identity: its public half now, its private half (and the passphrase) only to sign.</summary>
internal sealed class DeferredKey : IPrivateKeySource
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
            var publicKey = KeyFiles.ReadPublicKeys(path)[0];
            return new DeferredKey(path, credentials, publicKey.Blob, publicKey.TypeName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or KeyFormatException)
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
            key = string.IsNullOrEmpty(passphrase) ? null : KeyFiles.OpenForSshNet(path, passphrase);
            if (key is not null)
            {
                credentials.PassphraseWorked(path, passphrase!);
            }

            failed = key is null;
        }

        var real = key?.HostKeyAlgorithms.FirstOrDefault(candidate => candidate.Name == algorithm);
        // The server rejects an empty signature like a wrong one, and nvt goes on with the next method.
        return real is null ? [] : real.Sign(data);
    }
}
