using NeuralVision.Tools.Platform.OpenSsh;

namespace NeuralVision.Tools.Keys.Copy;

/// <summary>
/// One key installation, resolved and ready for <see cref="KeyInstaller"/>: the key chosen, the destination resolved
/// through ssh_config, and how to proceed.
/// </summary>
/// <param name="PublicKeyPath">The .pub file (or private key) the key was read from.</param>
/// <param name="PrivateKeyPath">The private half, to prove the key works after installing it; null when there is none.</param>
/// <param name="AcceptNew">Add an unknown host key without asking (ssh's StrictHostKeyChecking=accept-new).</param>
public sealed record KeyInstallPlan(
    SshClientSettings Settings,
    SshPublicKey Key,
    string PublicKeyPath,
    string? PrivateKeyPath,
    bool DryRun,
    bool Force,
    bool AcceptNew,
    KeyCopyTransport Transport,
    TimeSpan Timeout);
