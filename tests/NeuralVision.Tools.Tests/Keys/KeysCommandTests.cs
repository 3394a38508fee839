using NeuralVision.Tools.Keys;
using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Tests.Keys;

public sealed class KeysCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly string home;
    private StringWriter output = new();
    private StringWriter error = new();

    public KeysCommandTests()
    {
        home = temp.MakeDirectory("home");
    }

    private string SshDirectory => Path.Combine(home, ".ssh");

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Gen_NonInteractiveWithoutPassphraseOption_Refuses()
    {
        int code = Run(Prompter(interactive: false), "gen", "-t", "ed25519");

        Assert.Equal(ExitCodes.Error, code);
        Assert.Equal("nvt: no passphrase and no terminal to ask for one: pass -N PASSPHRASE, or --no-passphrase for an unencrypted key\n", error.ToString());
        Assert.False(Directory.Exists(SshDirectory));
    }

    [Theory]
    [InlineData("1024")]
    [InlineData("2047")]
    public void Gen_RsaBelow2048Bits_Refuses(string bits)
    {
        int code = Run(Prompter(interactive: false), "gen", "-b", bits, "--no-passphrase");

        Assert.Equal(ExitCodes.Error, code);
        Assert.StartsWith($"nvt: RSA keys of {bits} bits are too weak", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(SshDirectory));
    }

    [Fact]
    public void Gen_DefaultFile_CreatesSshDirectory0700AndSaysSo()
    {
        int code = Run(Prompter(interactive: false), "gen", "-t", "ed25519", "-N", "", "-C", "me@host");

        Assert.Equal(ExitCodes.Ok, code);
        string key = Path.Combine(SshDirectory, "id_ed25519");
        string[] lines = output.ToString().Split('\n');
        Assert.Equal("Generating public/private ed25519 key pair.", lines[0]);
        Assert.Equal($"Created directory '{SshDirectory}'.", lines[1]);
        Assert.Equal($"Your identification has been saved in {key}", lines[2]);
        Assert.Equal($"Your public key has been saved in {key}.pub", lines[3]);
        Assert.Equal("The key fingerprint is:", lines[4]);
        var publicKey = SshPublicKey.ParseLine(File.ReadAllText(key + ".pub"))!;
        Assert.Equal($"{publicKey.Fingerprint} me@host", lines[5]);
        Assert.Equal("The key's randomart image is:", lines[6]);
        Assert.Equal(publicKey.Randomart() + "\n", string.Join('\n', lines[7..]));
        Assert.Equal(KeyFiles.SshDirectoryMode, File.GetUnixFileMode(SshDirectory));
        Assert.Equal(KeyFiles.PrivateKeyMode, File.GetUnixFileMode(key));
        Assert.Equal(KeyFiles.PublicKeyMode, File.GetUnixFileMode(key + ".pub"));
        Assert.Null(OpenSshPrivateKeyFormat.Read(File.ReadAllText(key), null).Encryption);
    }

    [Fact]
    public void Gen_ExistingFileNotInteractive_RefusesWithoutForce()
    {
        string key = Path.Combine(temp.Path, "k");
        File.WriteAllText(key, "keep me");

        int code = Run(Prompter(interactive: false), "gen", "-t", "ed25519", "-f", key, "--no-passphrase");

        Assert.Equal(ExitCodes.Error, code);
        Assert.Equal($"nvt: {key} already exists; pass --force to overwrite it\n", error.ToString());
        Assert.Equal("keep me", File.ReadAllText(key));

        Assert.Equal(ExitCodes.Ok, Run(Prompter(interactive: false), "gen", "-t", "ed25519", "-f", key, "--no-passphrase", "--force"));
        Assert.StartsWith(OpenSshPrivateKeyFormat.BeginMarker, File.ReadAllText(key), StringComparison.Ordinal);
    }

    [Fact]
    public void Gen_ExistingFileInteractiveAnswerNo_KeepsFile()
    {
        string key = Path.Combine(temp.Path, "k");
        File.WriteAllText(key, "keep me");
        var prompter = Prompter(interactive: true, "n");

        int code = Run(prompter, "gen", "-t", "ed25519", "-f", key, "--no-passphrase");

        Assert.Equal(ExitCodes.Error, code);
        Assert.Equal([$"{key} already exists.\nOverwrite (y/n)? "], prompter.Prompts);
        Assert.Equal("keep me", File.ReadAllText(key));
    }

    [Fact]
    public void Gen_InteractivePassphraseMismatchThenMatch_EncryptsWithIt()
    {
        string key = Path.Combine(temp.Path, "k");
        var prompter = Prompter(interactive: true, "one", "two", "good pass", "good pass");

        int code = Run(prompter, "gen", "-t", "ed25519", "-f", key, "-a", "2");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(["Passphrases do not match.  Try again."], prompter.Told);
        var decoded = OpenSshPrivateKeyFormat.Read(File.ReadAllText(key), "good pass");
        Assert.Equal(2, decoded.Encryption!.Rounds);
        Assert.DoesNotContain("good pass", output.ToString() + error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Gen_InteractivePassphraseMismatchThreeTimes_WritesNothing()
    {
        string key = Path.Combine(temp.Path, "k");
        var prompter = Prompter(interactive: true, "a", "b", "c", "d", "e", "f");

        int code = Run(prompter, "gen", "-t", "ed25519", "-f", key);

        Assert.Equal(ExitCodes.Error, code);
        Assert.Equal("nvt: the passphrases did not match 3 times; no key written\n", error.ToString());
        Assert.False(File.Exists(key));
    }

    [Fact]
    public void Gen_InteractiveEmptyPassphrase_WritesUnencryptedKey()
    {
        string key = Path.Combine(temp.Path, "k");

        Assert.Equal(ExitCodes.Ok, Run(Prompter(interactive: true, "", ""), "gen", "-t", "ed25519", "-f", key));

        Assert.Null(OpenSshPrivateKeyFormat.Read(File.ReadAllText(key), null).Encryption);
    }

    [Fact]
    public void Gen_SlowKeyOnTerminal_ShowsSpinnerOnStderrAndErasesIt()
    {
        // 150 bcrypt rounds take well over the half second after which the spinner starts.
        var prompter = new TestTerminal { ErrorIsTerminal = true };

        Assert.Equal(ExitCodes.Ok, Run(prompter, "gen", "-t", "ed25519", "-f", Path.Combine(temp.Path, "k"), "-N", "p", "-a", "150"));

        Assert.StartsWith("\rGenerating the key... |", error.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("\r\u001b[K", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Generating the key...", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Gen_FastKey_NoSpinner()
    {
        var prompter = new TestTerminal { ErrorIsTerminal = true };
        // The first key of the test process pays for JIT-compiling the key code, which may take more than the spinner's
        // half second on a loaded machine: only the second one is timed (the published binary is compiled ahead).
        Assert.Equal(ExitCodes.Ok, Run(prompter, "gen", "-t", "ed25519", "-f", Path.Combine(temp.Path, "warm-up"), "--no-passphrase"));

        Assert.Equal(ExitCodes.Ok, Run(prompter, "gen", "-t", "ed25519", "-f", Path.Combine(temp.Path, "k"), "--no-passphrase"));

        Assert.Equal("", error.ToString());
    }

    [Fact]
    public void Gen_CommentWithALineBreak_RefusedBeforeAnythingIsWritten()
    {
        int code = Run(Prompter(interactive: false), "gen", "-t", "ed25519", "-C", "one\ntwo", "--no-passphrase");

        Assert.Equal(ExitCodes.Error, code);
        Assert.Equal("nvt: -C/--comment holds a line break or a NUL byte, which a .pub file (one line) cannot hold\n", error.ToString());
        Assert.False(Directory.Exists(SshDirectory));
    }

    [Fact]
    public void Setup_AliasWithAControlCharacter_RefusedAndPrintedEscaped()
    {
        int code = Run(Prompter(interactive: false), "setup", "--alias", "x\u001b[31m", "me@host");

        Assert.Equal(ExitCodes.Error, code);
        Assert.StartsWith(@"nvt: --alias NAME 'x\033[31m' cannot be written to ssh_config as it is", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(SshDirectory));
    }

    [Fact]
    public void Gen_PassphraseAndNoPassphrase_Refuses()
    {
        int code = Run(Prompter(interactive: false), "gen", "-N", "x", "--no-passphrase");

        Assert.Equal(ExitCodes.Error, code);
        Assert.Equal("nvt: -N/--passphrase and --no-passphrase contradict each other\n", error.ToString());
    }

    [Fact]
    public void Gen_FileInMissingSshDirectory_CreatesIt()
    {
        string key = Path.Combine(SshDirectory, "work_key");

        Assert.Equal(ExitCodes.Ok, Run(Prompter(interactive: false), "gen", "-t", "ed25519", "-f", key, "--no-passphrase"));

        Assert.Contains($"Created directory '{SshDirectory}'.\n", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(KeyFiles.SshDirectoryMode, File.GetUnixFileMode(SshDirectory));
        Assert.True(File.Exists(key));
    }

    [Fact]
    public void Gen_MissingDirectoryOutsideSsh_Refuses()
    {
        string key = Path.Combine(temp.Path, "missing", "k");

        Assert.Equal(ExitCodes.Error, Run(Prompter(interactive: false), "gen", "-t", "ed25519", "-f", key, "--no-passphrase"));
        Assert.Equal($"nvt: directory {Path.GetDirectoryName(key)} does not exist\n", error.ToString());
    }

    [Fact]
    public void List_PrintsEveryPubFileSorted()
    {
        Directory.CreateDirectory(SshDirectory);
        File.WriteAllText(Path.Combine(SshDirectory, "b.pub"), KeyFixtures.Rsa2048PemPublicKey + "\n");
        File.WriteAllText(Path.Combine(SshDirectory, "a.pub"), KeyFixtures.Ed25519PlainPublicKey + "\n");

        Assert.Equal(ExitCodes.Ok, Run(Prompter(interactive: false), "list"));

        string expected = $"{SshDirectory}/a.pub: {KeyFixtures.Ed25519PlainRandomart.Split('\n')[0]}\n"
            + $"{SshDirectory}/b.pub: {KeyFixtures.Rsa2048PemRandomart.Split('\n')[0]}\n";
        Assert.Equal(expected, output.ToString());
    }

    [Fact]
    public void List_NoKeys_ExitsNoMatch()
    {
        Assert.Equal(ExitCodes.NoMatch, Run(Prompter(interactive: false), "list"));
        Assert.Equal($"nvt: no public keys (*.pub) in {SshDirectory}\n", error.ToString());
    }

    [Fact]
    public void Fingerprint_Visual_PrintsSshKeygenLvOutput()
    {
        string path = Path.Combine(temp.Path, "k.pub");
        File.WriteAllText(path, KeyFixtures.Rsa2048EncryptedPublicKey + "\n");

        Assert.Equal(ExitCodes.Ok, Run(Prompter(interactive: false), "fingerprint", "-v", path));

        Assert.Equal(KeyFixtures.Rsa2048EncryptedRandomart + "\n", output.ToString());
    }

    [Fact]
    public void Fingerprint_MissingFile_FailsWithOneLine()
    {
        Assert.Equal(ExitCodes.Error, Run(Prompter(interactive: false), "fingerprint", "nope.pub"));
        Assert.StartsWith("nvt: nope.pub: ", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Runs `nvt keys ARGS` on the given terminal, errors printed as Program prints them.</summary>
    private int Run(TestTerminal terminal, params string[] args)
    {
        using var context = new TestContext(new Dictionary<string, string> { ["HOME"] = home }, temp.Path) { Terminal = terminal };
        int code = context.RunTopLevel(["keys", .. args]);
        output = context.Output;
        error = context.Error;
        return code;
    }

    /// <summary>A terminal with these answers; <paramref name="interactive"/> says whether stdin is a terminal.</summary>
    private static TestTerminal Prompter(bool interactive, params string[] answers) => new(answers) { InputIsTerminal = interactive };
}
