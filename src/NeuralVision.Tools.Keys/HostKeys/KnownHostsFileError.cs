namespace NeuralVision.Tools.Keys.HostKeys;

/// <summary>A known_hosts file that exists but could not be read; the lookup went on without it.</summary>
public sealed record KnownHostsFileError(string Path, string Message);
