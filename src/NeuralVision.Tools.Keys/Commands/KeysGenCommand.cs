using System.CommandLine;
using NeuralVision.Tools.Interactive;
using NeuralVision.Tools.Keys;

namespace NeuralVision.Tools.Commands;

/// <summary>What `nvt keys gen` was asked for, after parsing.</summary>
internal sealed record KeysGenRequest(
    string Type, int? Bits, string? File, string? Comment, string? Passphrase, bool NoPassphrase, int Rounds, bool Force);

/// <summary>`nvt keys gen`: an OpenSSH key pair like ssh-keygen's, written by nvt (no ssh-keygen involved).</summary>
internal static class KeysGenCommand
{
    private const int PassphraseAttempts = 3;
    private static readonly TimeSpan SpinnerDelay = TimeSpan.FromMilliseconds(500);

    public static Command Create(NvtContext context, IKeyPrompter prompter)
    {
        var type = new Option<string>("--type", "-t") { Description = "Key type", DefaultValueFactory = _ => "rsa", HelpName = "rsa|ed25519" };
        type.AcceptOnlyFromAmong("rsa", "ed25519");
        var bits = new Option<int?>("--bits", "-b") { Description = "RSA key size, 2048 to 16384 [default: 3072]", HelpName = "BITS" };
        var file = new Option<string>("--file", "-f") { Description = "Private key file; the public key goes to FILE.pub [default: ~/.ssh/id_rsa or ~/.ssh/id_ed25519]", HelpName = "FILE" };
        var comment = new Option<string>("--comment", "-C") { Description = "Comment at the end of the public key [default: user@host]", HelpName = "COMMENT" };
        var passphrase = new Option<string>("--passphrase", "-N") { Description = "Passphrase (\"\" for none); without it and --no-passphrase nvt asks on the terminal", HelpName = "PASSPHRASE" };
        var noPassphrase = new Option<bool>("--no-passphrase") { Description = "Leave the private key unencrypted" };
        var rounds = new Option<int>("--rounds", "-a") { Description = "bcrypt KDF rounds for an encrypted key", DefaultValueFactory = _ => KeyEncryption.DefaultRounds, HelpName = "ROUNDS" };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing key without asking" };
        var command = new Command("gen", "Generate a key pair (OpenSSH format, as ssh-keygen writes it)")
        {
            type, bits, file, comment, passphrase, noPassphrase, rounds, force,
        };
        command.SetAction(result => Run(context, prompter, new KeysGenRequest(
            result.GetValue(type)!,
            result.GetValue(bits),
            result.GetValue(file),
            result.GetValue(comment),
            result.GetValue(passphrase),
            result.GetValue(noPassphrase),
            result.GetValue(rounds),
            result.GetValue(force))));
        return command;
    }

    public static int Run(NvtContext context, IKeyPrompter prompter, KeysGenRequest request)
    {
        bool ed25519 = request.Type == "ed25519";
        int bits = ed25519 ? 256 : request.Bits ?? RsaPrivateKey.DefaultBits;
        Validate(request, ed25519, bits);

        string home = KeysCommand.Home(context);
        string sshDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(KeyFiles.SshDirectory(home)));
        string displayPath = request.File ?? KeyFiles.DefaultPath(home, ed25519 ? "ssh-ed25519" : "ssh-rsa");
        string path = Path.GetFullPath(displayPath, context.Environment.CurrentDirectory);
        string directory = Path.GetDirectoryName(path)!;
        bool createSshDirectory = !Directory.Exists(directory);
        // Only ~/.ssh is created (0700), as ssh-keygen does; a missing directory elsewhere is more likely a typo.
        if (createSshDirectory && directory != sshDirectory)
        {
            throw new NvtException($"directory {directory} does not exist");
        }

        // Everything that can refuse is checked before the directory is created or a key is generated.
        bool overwrite = File.Exists(path);
        if (overwrite && !request.Force && !prompter.IsInteractive)
        {
            throw new NvtException($"{displayPath} already exists; pass --force to overwrite it");
        }

        if (request.Passphrase is null && !request.NoPassphrase && !prompter.IsInteractive)
        {
            throw new NvtException("no passphrase and no terminal to ask for one: pass -N PASSPHRASE, or --no-passphrase for an unencrypted key");
        }

        context.Output.WriteLine($"Generating public/private {request.Type} key pair.");
        if (createSshDirectory)
        {
            KeyFiles.EnsureSshDirectory(directory);
            context.Output.WriteLine($"Created directory '{directory}'.");
        }

        context.Output.Flush();
        if (overwrite && !request.Force)
        {
            string? answer = prompter.ReadLine($"{displayPath} already exists.\nOverwrite (y/n)? ");
            if (answer is null || !answer.TrimStart().StartsWith('y'))
            {
                throw new NvtException($"not overwriting {displayPath}");
            }
        }

        string? passphrase = request.NoPassphrase ? null : request.Passphrase ?? AskPassphrase(prompter);
        string keyComment = request.Comment ?? $"{Environment.UserName}@{Environment.MachineName}";

        var (privateKeyText, publicKey) = WithSpinner(context, prompter, () =>
        {
            SshPrivateKey key = ed25519 ? Ed25519PrivateKey.Generate() : RsaPrivateKey.Generate(bits);
            return (OpenSshPrivateKeyFormat.Write(key, keyComment, passphrase, request.Rounds), key.PublicKey(keyComment));
        });
        KeyFiles.WriteKeyPair(path, privateKeyText, publicKey);

        context.Output.WriteLine($"Your identification has been saved in {displayPath}");
        context.Output.WriteLine($"Your public key has been saved in {displayPath}.pub");
        context.Output.WriteLine("The key fingerprint is:");
        context.Output.WriteLine($"{publicKey.Fingerprint} {publicKey.Comment}");
        context.Output.WriteLine("The key's randomart image is:");
        context.Output.WriteLine(publicKey.Randomart());
        return ExitCodes.Ok;
    }

    private static void Validate(KeysGenRequest request, bool ed25519, int bits)
    {
        if (!ed25519 && bits < RsaPrivateKey.MinimumBits)
        {
            throw new NvtException($"RSA keys of {bits} bits are too weak: nvt refuses fewer than {RsaPrivateKey.MinimumBits} bits (default {RsaPrivateKey.DefaultBits})");
        }

        if (!ed25519 && (bits > RsaPrivateKey.MaximumBits || bits % 8 != 0))
        {
            throw new NvtException($"invalid RSA key size {bits}: use a multiple of 8 from {RsaPrivateKey.MinimumBits} to {RsaPrivateKey.MaximumBits}");
        }

        if (request.Passphrase is not null && request.NoPassphrase)
        {
            throw new NvtException("-N/--passphrase and --no-passphrase contradict each other");
        }

        if (request.Rounds < 1)
        {
            throw new NvtException($"invalid number of KDF rounds {request.Rounds}: use 1 or more");
        }
    }

    /// <summary>Asks twice without echo, as ssh-keygen does; an empty answer means no encryption.</summary>
    private static string? AskPassphrase(IKeyPrompter prompter)
    {
        for (int attempt = 1; attempt <= PassphraseAttempts; attempt++)
        {
            string first = prompter.ReadSecret("Enter passphrase (empty for no passphrase): ")
                ?? throw new NvtException("no passphrase read (end of input)");
            string second = prompter.ReadSecret("Enter same passphrase again: ")
                ?? throw new NvtException("no passphrase read (end of input)");
            if (first == second)
            {
                return first.Length == 0 ? null : first;
            }

            if (attempt < PassphraseAttempts)
            {
                prompter.Tell("Passphrases do not match.  Try again.");
            }
        }

        throw new NvtException($"the passphrases did not match {PassphraseAttempts} times; no key written");
    }

    /// <summary>Runs <paramref name="work"/>; past half a second, a spinner turns on stderr when stderr is a terminal.</summary>
    private static T WithSpinner<T>(NvtContext context, IKeyPrompter prompter, Func<T> work)
    {
        var task = Task.Run(work);
        if (task.Wait(SpinnerDelay) || !prompter.ShowsProgress)
        {
            return task.GetAwaiter().GetResult();
        }

        const string Frames = @"|/-\";
        for (int frame = 0; !task.Wait(TimeSpan.FromMilliseconds(100)); frame++)
        {
            context.Error.Write($"\rGenerating the key... {Frames[frame % Frames.Length]}");
            context.Error.Flush();
        }

        // Erase the spinner line.
        context.Error.Write("\r\u001b[K");
        context.Error.Flush();
        return task.GetAwaiter().GetResult();
    }
}
