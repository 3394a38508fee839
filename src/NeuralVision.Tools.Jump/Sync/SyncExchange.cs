namespace NeuralVision.Tools.Jump.Sync;

/// <summary>What one exchange over ssh did, seen from one side.</summary>
/// <param name="Peer">The other machine's id.</param>
/// <param name="PathsChanged">Paths whose ranks or removal changed on this side.</param>
public sealed record SyncExchange(string Peer, long BytesSent, long BytesReceived, int PathsChanged);
