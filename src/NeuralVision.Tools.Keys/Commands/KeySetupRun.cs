using NeuralVision.Tools.Keys.Agent;
using NeuralVision.Tools.Keys.Copy;
using NeuralVision.Tools.Keys.Setup;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.OpenSsh;
using NeuralVision.Tools.Platform.Text;

namespace NeuralVision.Tools.Keys.Commands;

/// <summary>
/// The steps of `nvt keys setup`, each printing as it goes: key, agent, install, Host block, check, "Now: ssh NAME".
/// Exit 0 when ssh NAME logs in with the key; 1 when the key could not be installed, or is installed but the login
/// with it fails (the reason found on the server and its fix are printed); 2 for what fails here (usage, the key, the
/// config file).
/// </summary>
internal static class KeySetupRun
{
    private const int PassphraseAttempts = 3;

    public static int Run(INvtContext context, KeySetupOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var settings = context.Settings;
        bool utf8 = settings.TextIsUtf8;
        string home = settings.Home;
        string currentDirectory = context.Environment.CurrentDirectory;
        if (options.Port is < 1 or > 65535)
        {
            throw new KeyCopyException($"invalid port {options.Port}: use 1 to 65535");
        }

        var (typedUser, host) = SshHostResolver.Split(options.Destination);
        string name = options.Alias ?? host;
        new HostBlock(name, "x", "x", HostBlock.DefaultPort, "x").Validate();

        // ssh's own reading of the configuration first (ssh -G; a ProxyCommand is refused there): a configuration ssh
        // refuses stops the setup before a key is made.
        new SshHostResolver(context.ProcessRunner, home, options.SshConfig, options.SshOptions).Resolve(host, options.Port, typedUser);
        string keyPath = Path.GetFullPath(StripPub(options.Identity) ?? KeyFiles.DefaultPath(home, options.Type == "ed25519" ? "ssh-ed25519" : "ssh-rsa"), currentDirectory);
        string configPath = options.SshConfig is null ? Path.Combine(KeyFiles.SshDirectory(home), "config") : Path.GetFullPath(options.SshConfig, currentDirectory);
        // Read now: a config nvt cannot read or write must stop the setup before anything changes.
        var config = SshConfigFile.Load(configPath);
        var terminal = new AskpassTerminal(context.Terminal, settings, context.ProcessRunner, context.Error.WriteLine);

        // 1. The key.
        string? passphrase = options.NoPassphrase ? null : options.Passphrase;
        if (!File.Exists(keyPath))
        {
            KeysGenCommand.Run(context, new KeyGenOptions(options.Type, null, keyPath, null, options.Passphrase, options.NoPassphrase, KeyEncryption.DefaultRounds, false), out passphrase);
            context.FlushOutput();
        }
        else
        {
            context.Error.WriteLine($"nvt: using the key {TerminalText.Escape(keyPath, utf8)}");
        }

        bool encrypted = KeyCopyCredentials.IsEncrypted(keyPath);

        // 2. The agent, for an encrypted key.
        bool inAgent = encrypted && AddToAgent(context, terminal, keyPath, passphrase, utf8);

        // 3. Install, as keys copy does (the check comes at the end, through the new alias).
        var plan = KeyInstallPlanner.Plan(
            new KeyCopyOptions(options.Destination, keyPath, options.Port, null, false, false, options.AcceptNew, KeyCopyTransport.Auto, options.SshConfig, options.SshOptions),
            settings,
            context.ProcessRunner,
            currentDirectory);
        var resolved = plan.Settings;
        string destination = $"{resolved.User}@{resolved.HostName}";
        var block = new HostBlock(name, resolved.HostName, resolved.User, resolved.Port, ConfigPath(keyPath, home));
        block.Validate();
        using var installer = new KeyInstaller(plan, terminal, context.Error.WriteLine);
        context.Error.WriteLine($"nvt: installing {TerminalText.Escape(plan.PublicKeyPath, utf8)} ({plan.Key.DisplayType} {plan.Key.Fingerprint}) for {destination}");
        var installed = installer.Run(check: false);
        context.Output.WriteLine(installed.Outcome == KeyCopyOutcome.Added ? "Number of key(s) added: 1" : $"The key was already installed on {destination}");

        // 4. The Host block. Shown before the check, which may ask a passphrase on the terminal (stderr).
        WriteBlock(context, config, block, utf8);
        context.FlushOutput();

        // 5. The check, and 6. what to type next.
        // ssh takes ~ from the passwd entry: with another $HOME it would read another config and known_hosts than the
        // ones nvt used, so the check (and the hint) names them.
        bool foreignHome = SshConfigDump.PasswdHome() != home;
        string? configArgument = options.SshConfig ?? (foreignHome ? configPath : null);
        bool ownKnownHosts = false;
        foreach (string option in options.SshOptions)
        {
            ownKnownHosts |= option.StartsWith("UserKnownHostsFile", StringComparison.OrdinalIgnoreCase);
        }

        IReadOnlyList<string> sshOptions = foreignHome && resolved.UserKnownHostsFiles.Count > 0 && !ownKnownHosts
            ? [.. options.SshOptions, "UserKnownHostsFile=" + resolved.UserKnownHostsFiles[0]]
            : options.SshOptions;
        Check(context, installer, plan, sshOptions, name, configArgument, encrypted && !inAgent, keyPath);
        context.Output.WriteLine($"Now: {Hint(name, configArgument, sshOptions)}");
        return ExitCodes.Ok;
    }

    private static void WriteBlock(INvtContext context, SshConfigFile config, HostBlock block, bool utf8)
    {
        string shown = TerminalText.Escape(config.Path, utf8);
        if (config.CoveringBlock(block.Name) is var (line, text))
        {
            context.Error.WriteLine(config.HoldsBlockAt(line, block)
                ? $"nvt: {shown} already has the block for {block.Name} (line {line}); not changed"
                : $"nvt: {shown} line {line} ({TerminalText.Escape(text, utf8)}) already covers {block.Name}; left alone, and checked as it is");
            return;
        }

        ConfigWriter.Write(config.Path, config.WithBlock(block));
        context.Output.WriteLine($"Added to {shown}:");
        context.Output.Write(TerminalText.Escape(block.Text(), utf8));
    }

    /// <summary>
    /// ssh itself, BatchMode, through the configuration just written; SSH.NET with the key when ssh cannot decide
    /// (not installed, or an encrypted key no agent holds: ssh would have to ask its passphrase).
    /// </summary>
    private static void Check(INvtContext context, KeyInstaller installer, KeyInstallPlan plan, IReadOnlyList<string> sshOptions, string name, string? config, bool needsPassphrase, string keyPath)
    {
        string? ssh = context.ProcessRunner.FindOnPath("ssh");
        string? failure;
        if (ssh is not null && !needsPassphrase)
        {
            failure = AliasCheck.Run(context.ProcessRunner, ssh, AliasCheck.Arguments(name, config, sshOptions, plan.Timeout), plan.Timeout);
            if (failure is null)
            {
                context.Output.WriteLine($"Checked: ssh {name} logs in with the key alone (ssh -o BatchMode=yes {name} true).");
                return;
            }

            if (!failure.Contains("Permission denied", StringComparison.Ordinal))
            {
                throw new KeyCopyException($"the key is on {plan.Settings.HostName}, but ssh {name} failed: {failure}");
            }
        }
        else
        {
            try
            {
                failure = installer.CheckLogin();
            }
            catch (KeyCopyException e) when (e.InnerException is KeyCopyException { InnerException: Renci.SshNet.Common.SshAuthenticationException })
            {
                failure = "the server refuses the key";
            }

            if (failure is null)
            {
                context.Output.WriteLine($"Checked: {plan.Settings.User}@{plan.Settings.HostName} accepts the key (nvt logged in with it).");
                context.FlushOutput();
                context.Error.WriteLine(ssh is null
                    ? "nvt: ssh is not installed here, so the Host block could not be tried"
                    : $"nvt: no ssh-agent holds {keyPath}, so ssh {name} will ask for its passphrase; with an agent running (eval \"$(ssh-agent)\"), ssh-add it once per session");
                return;
            }

            if (failure != "the server refuses the key")
            {
                context.Error.WriteLine($"nvt: the key is installed but was not tried: {failure}");
                return;
            }
        }

        Diagnose(installer, plan, name, failure);
    }

    /// <summary>The login failed although the key is in authorized_keys: the usual reasons, found over SFTP, and their fixes.</summary>
    private static void Diagnose(KeyInstaller installer, KeyInstallPlan plan, string name, string failure)
    {
        IReadOnlyList<Finding> findings;
        using (var sftp = installer.OpenSftp())
        {
            findings = ServerDiagnosis.Run(sftp, plan.Settings.User, plan.Key);
        }

        var details = new List<string>();
        foreach (var finding in findings)
        {
            details.Add($"nvt: on {plan.Settings.HostName}, {finding.Problem}");
        }

        var fixes = new List<string>();
        foreach (var finding in findings)
        {
            if (finding.Fix is string fix && !fixes.Contains(fix))
            {
                fixes.Add(fix);
            }
        }

        if (fixes.Count > 0)
        {
            details.Add("Fix it on the server with:");
            foreach (string fix in fixes)
            {
                details.Add("  " + fix);
            }

            details.Add($"(from here: ssh {name} '{string.Join("; ", fixes)}', which asks for the password), then run nvt keys setup again.");
        }

        string reason = findings.Count == 0
            ? "nvt found no reason in the files it can see; the server's sshd log says why (journalctl -u ssh, or /var/log/auth.log)"
            : "sshd ignores the key for the reason above";
        throw new KeyCopyException($"the key is installed on {plan.Settings.User}@{plan.Settings.HostName}, but ssh {name} does not log in with it ({failure}): {reason}", details);
    }

    /// <summary>Adds the encrypted key to the running ssh-agent (asking its passphrase when nvt does not know it); true when the agent holds it.</summary>
    private static bool AddToAgent(INvtContext context, AskpassTerminal terminal, string keyPath, string? passphrase, bool utf8)
    {
        if (context.Settings.AgentSocket is not string socket)
        {
            return false;
        }

        string shown = TerminalText.Escape(keyPath, utf8);
        try
        {
            using var agent = SshAgentClient.Connect(socket, TimeSpan.FromSeconds(30));
            byte[] blob = KeyFiles.ReadPublicKeys(keyPath)[0].Blob;
            if (agent.ListIdentities().Any(identity => identity.Holds(blob)))
            {
                context.Error.WriteLine($"nvt: the ssh-agent already holds {shown}");
                return true;
            }

            for (int attempt = 0; attempt < PassphraseAttempts; attempt++)
            {
                string? secret = attempt == 0 && passphrase is not null ? passphrase
                    : terminal.AskSecret(attempt == 0 ? $"Enter passphrase for {keyPath}: " : $"Bad passphrase, try again for {keyPath}: ");
                if (string.IsNullOrEmpty(secret))
                {
                    break;
                }

                try
                {
                    string comment = AgentKeyLoader.Add(agent, keyPath, secret);
                    context.Error.WriteLine($"Identity added: {shown} ({TerminalText.Escape(comment, utf8)})");
                    return true;
                }
                catch (WrongPassphraseException)
                {
                    passphrase = null;
                }
            }

            context.Error.WriteLine($"nvt: {shown} was not added to the ssh-agent (no right passphrase)");
        }
        catch (AgentException e)
        {
            context.Error.WriteLine($"nvt: {TerminalText.Escape(e.Message, utf8)}; the key is not added to an agent");
        }
        catch (KeyFormatException e)
        {
            context.Error.WriteLine($"nvt: {TerminalText.Escape(e.Message, utf8)}; add it with ssh-add");
        }
        catch (IOException e)
        {
            context.Error.WriteLine($"nvt: cannot read {shown} to add it to the ssh-agent ({Platform.Files.FileErrors.Describe(e)})");
        }

        return false;
    }

    /// <summary>The key as ssh_config names it: "~/…" under the home ssh expands "~" to, else the absolute path.</summary>
    private static string ConfigPath(string keyPath, string home)
    {
        string? passwdHome = SshConfigDump.PasswdHome();
        return passwdHome == home && keyPath.StartsWith(home + "/", StringComparison.Ordinal) ? "~" + keyPath[home.Length..] : keyPath;
    }

    private static string? StripPub(string? identity) =>
        identity is not null && identity.EndsWith(".pub", StringComparison.Ordinal) ? identity[..^".pub".Length] : identity;

    private static string Hint(string name, string? config, IReadOnlyList<string> options)
    {
        var words = new List<string> { "ssh" };
        if (config is not null)
        {
            words.Add("-F " + ExecScripts.Quote(config));
        }

        foreach (string option in options)
        {
            words.Add("-o " + ExecScripts.Quote(option));
        }

        words.Add(name);
        return string.Join(' ', words);
    }
}
