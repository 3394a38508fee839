using System.CommandLine;
using NeuralVision.Tools.Interactive;

namespace NeuralVision.Tools.Commands;

/// <summary>`nvt keys`: OpenSSH key pairs written by nvt itself (gen), and what is in ~/.ssh (list, fingerprint).</summary>
internal static class KeysCommand
{
    /// <param name="prompter">Tests pass scripted answers; null means the real terminal.</param>
    public static Command Create(NvtContext context, IKeyPrompter? prompter = null) =>
        new("keys", "Create OpenSSH key pairs, show their fingerprints, install them on servers")
        {
            KeysGenCommand.Create(context, prompter ?? new TtyKeyPrompter()),
            KeysListCommand.Create(context),
            KeysFingerprintCommand.Create(context),
            KeysCopyCommand.Create(context),
        };

    /// <summary>$HOME, where ~/.ssh is (the same HOME the rest of nvt uses, so a temporary HOME isolates tests).</summary>
    public static string Home(NvtContext context)
    {
        string? home = context.Environment.GetVariable("HOME");
        return string.IsNullOrEmpty(home) ? throw new NvtException("HOME is not set") : home;
    }
}
