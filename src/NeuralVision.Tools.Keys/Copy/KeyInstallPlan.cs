using NeuralVision.Tools.Platform.OpenSsh;

namespace NeuralVision.Tools.Keys.Copy;

/// <summary>
/// One key installation, resolved and ready for <see cref="KeyInstaller"/>: the key chosen, the destination resolved
/// through ssh_config, and how to proceed.
/// </summary>
/// <param name="PublicKeyPath">The .pub file (or private key) the key was read from.</param>
/// <param name="PrivateKeyPath">The private half, to prove the key works after installing it; null when there is none.</param>
/// <param name="AcceptNew">Add an unknown host key without asking (ssh's StrictHostKeyChecking=accept-new).</param>
/// <param name="Hops">The ProxyJump hosts, in the order they are connected; empty for a direct connection.</param>
/// <param name="TargetPath">The remote file, relative to the login directory unless absolute (-t; .ssh/authorized_keys).</param>
/// <param name="AgentSocket">The ssh-agent to use (SSH_AUTH_SOCK, or IdentityAgent); null for none.</param>
public sealed record KeyInstallPlan(
    SshClientSettings Settings,
    SshPublicKey Key,
    string PublicKeyPath,
    string? PrivateKeyPath,
    bool DryRun,
    bool Force,
    bool AcceptNew,
    KeyCopyTransport Transport,
    TimeSpan Timeout,
    IReadOnlyList<SshClientSettings> Hops,
    string TargetPath,
    string? AgentSocket)
{
    /// <summary>sshd's default AuthorizedKeysFile, relative to the home directory.</summary>
    public const string DefaultTargetPath = ".ssh/authorized_keys";

    /// <summary>True when the key goes where sshd looks by default, so a login with it proves the installation.</summary>
    public bool IsDefaultTarget => TargetPath == DefaultTargetPath;

    /// <summary>What the connections need of the plan.</summary>
    public RemoteTarget Target => new(Settings, Hops, AcceptNew, DryRun, Timeout);
}
