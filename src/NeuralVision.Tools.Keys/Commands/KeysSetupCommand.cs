using System.CommandLine;
using NeuralVision.Tools.Keys.Copy;
using NeuralVision.Tools.Keys.Setup;
using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Keys.Commands;

/// <summary>
/// `nvt keys setup [user@]host`: the passwordless recipe in one command. A key (made as `keys gen` makes it when
/// there is none), added to the running ssh-agent when it is encrypted, installed as `keys copy` installs it, a
/// `Host NAME` block in ~/.ssh/config, and the proof: ssh itself logs in to NAME with the key alone.
/// </summary>
public static class KeysSetupCommand
{
    public static Command Create(INvtContext context)
    {
        var destination = new Argument<string>("DESTINATION") { Description = "[user@]host to set up passwordless ssh to" };
        var alias = new Option<string>("--alias") { Description = "The Host name to write to ssh_config [default: the host as typed]", HelpName = "NAME" };
        var port = KeysCopyCommand.PortOption();
        var type = new Option<string>("--type", "-t") { Description = "Type of a key to generate", DefaultValueFactory = _ => "rsa", HelpName = "rsa|ed25519" };
        type.AcceptOnlyFromAmong("rsa", "ed25519");
        var identity = new Option<string>("--identity", "-i") { Description = "The private key to use, generated if missing [default: ~/.ssh/id_rsa, or ~/.ssh/id_ed25519 with -t ed25519]", HelpName = "KEY" };
        var noPassphrase = new Option<bool>("--no-passphrase") { Description = "Generate the key unencrypted" };
        var passphrase = new Option<string>("--passphrase", "-N") { Description = "The new key's passphrase (shows in ps; prefer the prompt), also used to unlock the key for ssh-agent", HelpName = "PASSPHRASE" };
        var acceptNew = new Option<bool>("--accept-new") { Description = "Add an unknown host key to known_hosts without asking (a changed key is still refused)" };
        var config = new Option<string>("--config", "-F") { Description = "The ssh config file to resolve the host with and to write the Host block to [default: ~/.ssh/config]", HelpName = "SSH_CONFIG" };
        var options = KeysCopyCommand.SshOptionOption();
        var command = new Command("setup", "Set up passwordless ssh to a host: key, ssh-agent, authorized_keys, a Host alias, checked")
        {
            destination, alias, port, type, identity, noPassphrase, passphrase, acceptNew, config, options,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(noPassphrase) && result.GetValue(passphrase) is not null)
            {
                result.AddError("--no-passphrase and -N/--passphrase contradict each other");
            }
        });
        command.SetAction(result => KeySetupRun.Run(
            context,
            new KeySetupOptions(
                result.GetValue(destination)!,
                result.GetValue(alias),
                result.GetValue(port),
                result.GetValue(type)!,
                result.GetValue(identity),
                result.GetValue(noPassphrase),
                result.GetValue(passphrase),
                result.GetValue(acceptNew),
                result.GetValue(config),
                result.GetValue(options) ?? [])));
        return command;
    }
}
