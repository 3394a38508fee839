namespace NeuralVision.Tools.Keys.Setup;

/// <summary>What the user asked `nvt keys setup` for, after parsing.</summary>
/// <param name="Destination">[user@]host as typed.</param>
/// <param name="Alias">--alias: the Host name to write; null for the host as typed.</param>
/// <param name="Type">-t: the type of a key to generate, "rsa" or "ed25519".</param>
/// <param name="Identity">-i: the private key; null for ~/.ssh/id_rsa (or id_ed25519 with -t ed25519).</param>
/// <param name="Passphrase">-N: the new key's passphrase (and the one to unlock it for the agent); null to ask.</param>
public sealed record KeySetupOptions(
    string Destination,
    string? Alias,
    int? Port,
    string Type,
    string? Identity,
    bool NoPassphrase,
    string? Passphrase,
    bool AcceptNew,
    string? SshConfig,
    IReadOnlyList<string> SshOptions);
