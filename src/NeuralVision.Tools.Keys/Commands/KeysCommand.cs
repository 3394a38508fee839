using System.CommandLine;
using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Keys.Commands;

/// <summary>`nvt keys`: OpenSSH key pairs written by nvt itself (gen), and what is in ~/.ssh (list, fingerprint).</summary>
public static class KeysCommand
{
    public static Command Create(INvtContext context) =>
        new("keys", "Create OpenSSH key pairs, show their fingerprints, install them on servers")
        {
            KeysGenCommand.Create(context),
            KeysListCommand.Create(context),
            KeysFingerprintCommand.Create(context),
            KeysCopyCommand.Create(context),
            KeysSetupCommand.Create(context),
        };
}
