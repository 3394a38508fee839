namespace NeuralVision.Tools.Keys.Copy;

/// <summary>
/// What the user asked `nvt keys copy` for: the destination as typed and the options, before anything is resolved.
/// <see cref="KeyInstallPlanner"/> turns it into a <see cref="KeyInstallPlan"/>.
/// </summary>
/// <param name="Destination">[user@]host, or a Host alias of ssh_config.</param>
/// <param name="Identity">-i: a .pub file, or a private key whose .pub is used; null for the newest ~/.ssh/id*.pub.</param>
/// <param name="SshConfig">-F: the ssh config file to resolve the destination with.</param>
/// <param name="SshOptions">-o: ssh_config options, as ssh takes them.</param>
/// <param name="TargetPath">-t: the file to add the key to instead of ~/.ssh/authorized_keys (relative to the remote home).</param>
public sealed record KeyCopyOptions(
    string Destination,
    string? Identity,
    int? Port,
    string? Login,
    bool DryRun,
    bool Force,
    bool AcceptNew,
    KeyCopyTransport Transport,
    string? SshConfig,
    IReadOnlyList<string> SshOptions,
    string? TargetPath = null);
