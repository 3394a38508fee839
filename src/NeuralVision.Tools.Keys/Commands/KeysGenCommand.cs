using System.CommandLine;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Terminals;
using NeuralVision.Tools.Platform.Text;

namespace NeuralVision.Tools.Keys.Commands;

/// <summary>`nvt keys gen`: an OpenSSH key pair like ssh-keygen's, written by nvt (no ssh-keygen involved).</summary>
public static class KeysGenCommand
{
    private const int PassphraseAttempts = 3;
    private static readonly TimeSpan SpinnerDelay = TimeSpan.FromMilliseconds(500);

    public static Command Create(INvtContext context)
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
        command.SetAction(result => Run(context, new KeyGenOptions(
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

    public static int Run(INvtContext context, KeyGenOptions options) => Run(context, options, out _);

    /// <summary>Generates the key as `keys gen` does; <paramref name="passphrase"/> is what it was encrypted with (null: none).</summary>
    internal static int Run(INvtContext context, KeyGenOptions options, out string? passphrase)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var plan = KeyGeneration.Plan(options, context.Settings, context.Environment.CurrentDirectory);
        var terminal = context.Terminal;
        bool interactive = terminal.InputIsTerminal;
        if (plan.Overwrite && !options.Force && !interactive)
        {
            throw new NvtException($"{plan.DisplayPath} already exists; pass --force to overwrite it");
        }

        if (options.Passphrase is null && !options.NoPassphrase && !interactive)
        {
            throw new NvtException("no passphrase and no terminal to ask for one: pass -N PASSPHRASE, or --no-passphrase for an unencrypted key");
        }

        context.Output.WriteLine($"Generating public/private {options.Type} key pair.");
        if (plan.CreateSshDirectory)
        {
            KeyFiles.EnsureSshDirectory(plan.Directory);
            context.Output.WriteLine($"Created directory '{TerminalText.Escape(plan.Directory, context.Settings.TextIsUtf8)}'.");
        }

        context.Output.Flush();
        if (plan.Overwrite && !options.Force && !terminal.Confirm($"{plan.DisplayPath} already exists.\nOverwrite (y/n)? "))
        {
            throw new NvtException($"not overwriting {plan.DisplayPath}");
        }

        passphrase = options.NoPassphrase ? null : options.Passphrase ?? AskPassphrase(terminal);
        if (passphrase?.Length == 0)
        {
            passphrase = null;
        }

        string comment = options.Comment ?? $"{Environment.UserName}@{Environment.MachineName}";
        string? secret = passphrase;
        var (privateKeyText, publicKey) = WithSpinner(context, () => KeyGeneration.Generate(plan, comment, secret));
        KeyFiles.WriteKeyPair(plan.Path, privateKeyText, publicKey);

        bool utf8 = context.Settings.TextIsUtf8;
        string shown = TerminalText.Escape(plan.DisplayPath, utf8);
        context.Output.WriteLine($"Your identification has been saved in {shown}");
        context.Output.WriteLine($"Your public key has been saved in {shown}.pub");
        context.Output.WriteLine("The key fingerprint is:");
        context.Output.WriteLine($"{publicKey.Fingerprint} {TerminalText.Escape(publicKey.Comment, utf8)}");
        context.Output.WriteLine("The key's randomart image is:");
        context.Output.WriteLine(publicKey.Randomart());
        return ExitCodes.Ok;
    }

    /// <summary>Asks twice without echo, as ssh-keygen does; an empty answer means no encryption.</summary>
    private static string? AskPassphrase(ITerminal terminal)
    {
        for (int attempt = 1; attempt <= PassphraseAttempts; attempt++)
        {
            string first = terminal.AskSecret("Enter passphrase (empty for no passphrase): ")
                ?? throw new NvtException("no passphrase read (end of input)");
            string second = terminal.AskSecret("Enter same passphrase again: ")
                ?? throw new NvtException("no passphrase read (end of input)");
            if (first == second)
            {
                return first.Length == 0 ? null : first;
            }

            if (attempt < PassphraseAttempts)
            {
                terminal.Tell("Passphrases do not match.  Try again.");
            }
        }

        throw new NvtException($"the passphrases did not match {PassphraseAttempts} times; no key written");
    }

    /// <summary>Runs <paramref name="work"/>; past half a second, a spinner turns on stderr when stderr is a terminal.</summary>
    private static T WithSpinner<T>(INvtContext context, Func<T> work)
    {
        var task = Task.Run(work);
        if (task.Wait(SpinnerDelay) || !context.Terminal.ErrorIsTerminal)
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
