using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Keys;

/// <summary>The published nvt's keys judged by the real ssh-keygen, and ssh-keygen's keys read by nvt.</summary>
public sealed class KeysInteropTests : IDisposable
{
    private const string Passphrase = "interop pass phrase";
    private readonly TempHome home = new();

    public void Dispose() => home.Dispose();

    public static TheoryData<string, int, bool> KeyKinds => new()
    {
        { "rsa", 2048, false },
        { "rsa", 2048, true },
        { "rsa", 3072, false },
        { "rsa", 3072, true },
        { "rsa", 4096, false },
        { "rsa", 4096, true },
        { "ed25519", 256, false },
        { "ed25519", 256, true },
    };

    [Theory]
    [MemberData(nameof(KeyKinds))]
    public void Gen_SshKeygenReadsTheKey_SamePublicKeyFingerprintAndRandomart(string type, int bits, bool encrypted)
    {
        string key = Path.Combine(home.Root, $"key_{type}_{bits}");
        var gen = home.Run(["keys", "gen", "-t", type, "-b", bits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-f", key, "-C", "interop test", .. encrypted ? new[] { "-N", Passphrase } : ["--no-passphrase"]]);
        Assert.True(gen.ExitCode == 0, gen.Stderr);
        string publicLine = File.ReadAllText(key + ".pub");

        // -y decrypts the private key (proving bcrypt_pbkdf and aes256-ctr) and prints its public key and comment.
        Assert.Equal(publicLine, SshKeygen.Output("-y", "-P", encrypted ? Passphrase : "", "-f", key));

        string typeName = type == "rsa" ? "RSA" : "ED25519";
        string[] nvtLines = gen.Stdout.TrimEnd('\n').Split('\n');
        string fingerprint = nvtLines[Array.IndexOf(nvtLines, "The key fingerprint is:") + 1];
        string[] lv = SshKeygen.Output("-lv", "-f", key + ".pub").TrimEnd('\n').Split('\n');
        Assert.Equal($"{bits} {fingerprint} ({typeName})", lv[0]);
        Assert.Equal(lv[1..], nvtLines[(Array.IndexOf(nvtLines, "The key's randomart image is:") + 1)..]);
        Assert.Equal(lv[0] + "\n", SshKeygen.Output("-l", "-f", key + ".pub"));

        // ssh-keygen can re-encrypt nvt's key under a new passphrase.
        SshKeygen.Output("-p", "-P", encrypted ? Passphrase : "", "-N", "changed", "-f", key);
        Assert.Equal(publicLine, SshKeygen.Output("-y", "-P", "changed", "-f", key));
        Assert.NotEqual(0, SshKeygen.Run("-y", "-P", "wrong", "-f", key).ExitCode);
    }

    [Fact]
    public void Gen_DefaultPath_CreatesSsh0700AndKeyFiles0600And0644()
    {
        var gen = home.Run("keys", "gen", "-t", "ed25519", "--no-passphrase");

        Assert.True(gen.ExitCode == 0, gen.Stderr);
        string ssh = Path.Combine(home.Home, ".ssh");
        string key = Path.Combine(ssh, "id_ed25519");
        Assert.StartsWith($"Generating public/private ed25519 key pair.\nCreated directory '{ssh}'.\nYour identification has been saved in {key}\n", gen.Stdout, StringComparison.Ordinal);
        Assert.Equal("", gen.Stderr);
        Assert.Equal((UnixFileMode)0b111_000_000, File.GetUnixFileMode(ssh));
        Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(key));
        Assert.Equal((UnixFileMode)0b110_100_100, File.GetUnixFileMode(key + ".pub"));
        Assert.Equal([key, key + ".pub"], Directory.GetFiles(ssh).Order(StringComparer.Ordinal));
        // The default comment is user@host, as ssh-keygen's.
        Assert.EndsWith($" {Environment.UserName}@{Environment.MachineName}\n", File.ReadAllText(key + ".pub"), StringComparison.Ordinal);
    }

    [Fact]
    public void Gen_NoTerminalNoPassphraseOption_RefusesWithOneLine()
    {
        var gen = home.Run("keys", "gen");

        Assert.Equal(2, gen.ExitCode);
        Assert.Equal("nvt: no passphrase and no terminal to ask for one: pass -N PASSPHRASE, or --no-passphrase for an unencrypted key\n", gen.Stderr);
        Assert.False(Directory.Exists(Path.Combine(home.Home, ".ssh")));
    }

    [Fact]
    public void Gen_1024Bits_Refused()
    {
        var gen = home.Run("keys", "gen", "-b", "1024", "--no-passphrase");

        Assert.Equal(2, gen.ExitCode);
        Assert.StartsWith("nvt: RSA keys of 1024 bits are too weak", gen.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Gen_ExistingKeyNoTerminal_RefusedThenForced()
    {
        string key = Path.Combine(home.Root, "id");
        Assert.Equal(0, home.Run("keys", "gen", "-t", "ed25519", "-f", key, "-N", "p1").ExitCode);
        string first = File.ReadAllText(key);

        var again = home.Run("keys", "gen", "-t", "ed25519", "-f", key, "-N", "p2");
        Assert.Equal(2, again.ExitCode);
        Assert.Equal($"nvt: {key} already exists; pass --force to overwrite it\n", again.Stderr);
        Assert.Equal(first, File.ReadAllText(key));

        Assert.Equal(0, home.Run("keys", "gen", "-t", "ed25519", "-f", key, "-N", "p2", "--force").ExitCode);
        Assert.NotEqual(first, File.ReadAllText(key));
        Assert.Equal(0, SshKeygen.Run("-y", "-P", "p2", "-f", key).ExitCode);
        // No temp file is left beside the key.
        Assert.Equal([key, key + ".pub"], Directory.GetFiles(home.Root).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Gen_PassphraseNeverPrinted()
    {
        var gen = home.Run("keys", "gen", "-t", "ed25519", "-f", Path.Combine(home.Root, "k"), "-N", "sekrit-value");

        Assert.DoesNotContain("sekrit-value", gen.Stdout + gen.Stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string, string[]> SshKeygenKinds => new()
    {
        { "rsa2048_encrypted", ["-t", "rsa", "-b", "2048", "-N", Passphrase] },
        { "ed25519_plain", ["-t", "ed25519", "-N", ""] },
        { "ed25519_encrypted", ["-t", "ed25519", "-N", Passphrase] },
        { "ecdsa_plain", ["-t", "ecdsa", "-N", ""] },
    };

    // The reverse direction: keys ssh-keygen wrote, read by nvt keys list and fingerprint.
    [Theory]
    [MemberData(nameof(SshKeygenKinds))]
    public void ListAndFingerprint_SshKeygensKey_PrintWhatSshKeygenPrints(string name, string[] options)
    {
        string ssh = home.MakeDirectory(".ssh");
        string key = Path.Combine(ssh, name);
        SshKeygen.Output(["-q", "-C", $"made by ssh-keygen {name}", "-f", key, .. options]);

        var list = home.Run("keys", "list");
        Assert.Equal(0, list.ExitCode);
        Assert.Equal($"{key}.pub: {SshKeygen.Output("-l", "-f", key + ".pub")}", list.Stdout);

        foreach (string file in new[] { key, key + ".pub" })
        {
            var fingerprint = home.Run("keys", "fingerprint", "-v", file);
            Assert.Equal(0, fingerprint.ExitCode);
            Assert.Equal(SshKeygen.Output("-lv", "-f", file), fingerprint.Stdout);
        }

        // Without the .pub file beside it, an encrypted key still shows its fingerprint (with "no comment"), as ssh-keygen's.
        File.Delete(key + ".pub");
        Assert.Equal(SshKeygen.Output("-l", "-f", key), home.Run("keys", "fingerprint", key).Stdout);
    }

    [Fact]
    public void Help_KeysGenCopyAndSetup_AreInTheReadme()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

        foreach (string[] args in new[] { new[] { "keys", "--help" }, ["keys", "gen", "--help"], ["keys", "copy", "--help"], ["keys", "setup", "--help"] })
        {
            var help = home.Run(args);
            Assert.Equal(0, help.ExitCode);
            Assert.Contains(help.Stdout.TrimEnd('\n'), readme, StringComparison.Ordinal);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NeuralVision.Tools.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("cannot find NeuralVision.Tools.sln above " + AppContext.BaseDirectory);
    }
}
