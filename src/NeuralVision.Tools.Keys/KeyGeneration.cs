using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Files;
using NeuralVision.Tools.Platform.Native;
using NeuralVision.Tools.Platform.Settings;

namespace NeuralVision.Tools.Keys;

/// <summary>`nvt keys gen`'s engine: the checks, the key and its files; the command asks and prints.</summary>
public static class KeyGeneration
{
    /// <summary>
    /// Checks the options and works out the files. Everything that can refuse without asking is checked here, before
    /// a directory is created or a key generated.
    /// </summary>
    /// <exception cref="NvtException">A weak or odd RSA size, contradicting options, or a missing directory other than ~/.ssh.</exception>
    public static KeyGenPlan Plan(KeyGenOptions options, NvtSettings settings, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        bool ed25519 = options.Type == "ed25519";
        int bits = ed25519 ? 256 : options.Bits ?? RsaPrivateKey.DefaultBits;
        Validate(options, ed25519, bits);

        string home = settings.Home;
        string sshDirectory = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(KeyFiles.SshDirectory(home)));
        string displayPath = options.File ?? KeyFiles.DefaultPath(home, ed25519 ? "ssh-ed25519" : "ssh-rsa");
        string path = System.IO.Path.GetFullPath(displayPath, currentDirectory);
        string directory = System.IO.Path.GetDirectoryName(path)!;
        bool createSshDirectory = !Directory.Exists(directory);
        // Only ~/.ssh is created (0700), as ssh-keygen does; a missing directory elsewhere is more likely a typo, and
        // a missing home is a broken account that a new directory would hide.
        if (createSshDirectory && directory != sshDirectory)
        {
            throw new NvtException($"directory {directory} does not exist");
        }

        if (createSshDirectory && !Directory.Exists(home))
        {
            throw new NvtException($"the home directory {home} (HOME) does not exist; nvt creates {sshDirectory} in it, not the home itself");
        }

        // Both files are replaced by renames: what is there must be a file, or the private key would be written and the
        // public key not (a directory named FILE.pub), leaving a key pair that does not match.
        foreach (string file in new[] { path, path + ".pub" })
        {
            if (LibC.Stat(file, followLinks: true) is { IsRegularFile: false } status)
            {
                throw new NvtException($"{file} is {RegularFile.KindOf(status)}, not a file; no key was written");
            }
        }

        return new KeyGenPlan(options, ed25519, bits, displayPath, path, directory, createSshDirectory, File.Exists(path));
    }

    /// <summary>A new key pair: the private key file's text (encrypted when a passphrase is given) and the public key.</summary>
    public static (string PrivateKeyText, SshPublicKey PublicKey) Generate(KeyGenPlan plan, string comment, string? passphrase)
    {
        ArgumentNullException.ThrowIfNull(plan);
        SshPrivateKey key = plan.Ed25519 ? Ed25519PrivateKey.Generate() : RsaPrivateKey.Generate(plan.Bits);
        return (OpenSshPrivateKeyFormat.Write(key, comment, passphrase, plan.Options.Rounds), key.PublicKey(comment));
    }

    private static void Validate(KeyGenOptions options, bool ed25519, int bits)
    {
        if (!ed25519 && bits < RsaPrivateKey.MinimumBits)
        {
            throw new NvtException($"RSA keys of {bits} bits are too weak: nvt refuses fewer than {RsaPrivateKey.MinimumBits} bits (default {RsaPrivateKey.DefaultBits})");
        }

        if (!ed25519 && (bits > RsaPrivateKey.MaximumBits || bits % 8 != 0))
        {
            throw new NvtException($"invalid RSA key size {bits}: use a multiple of 8 from {RsaPrivateKey.MinimumBits} to {RsaPrivateKey.MaximumBits}");
        }

        if (options.Passphrase is not null && options.NoPassphrase)
        {
            throw new NvtException("-N/--passphrase and --no-passphrase contradict each other");
        }

        // A .pub file is one line: a line break in the comment would make the rest of it a second, broken line.
        if (options.Comment is string comment && comment.AsSpan().IndexOfAny('\n', '\r', '\0') >= 0)
        {
            throw new NvtException("-C/--comment holds a line break or a NUL byte, which a .pub file (one line) cannot hold");
        }

        if (options.Rounds < 1)
        {
            throw new NvtException($"invalid number of KDF rounds {options.Rounds}: use 1 or more");
        }
    }
}
