using NeuralVision.Tools.Platform.OpenSsh;

namespace NeuralVision.Tools.Keys.Copy;

/// <summary>Where and how <see cref="RemoteConnector"/> connects: the destination and its ProxyJump hops as ssh -G resolved them.</summary>
/// <param name="AcceptNew">Add an unknown host key without asking (StrictHostKeyChecking=accept-new).</param>
/// <param name="DryRun">Ask nothing and write no known_hosts line.</param>
public sealed record RemoteTarget(SshClientSettings Settings, IReadOnlyList<SshClientSettings> Hops, bool AcceptNew, bool DryRun, TimeSpan Timeout);
