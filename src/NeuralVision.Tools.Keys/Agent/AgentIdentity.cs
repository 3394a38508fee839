namespace NeuralVision.Tools.Keys.Agent;

/// <summary>One key the agent holds, as REQUEST_IDENTITIES lists it: the public blob and the comment.</summary>
public sealed record AgentIdentity(byte[] Blob, string Comment)
{
    /// <summary>The blob's key type, e.g. "ssh-rsa".</summary>
    public string KeyType => new SshWireReader(Blob).ReadText();

    public bool Holds(ReadOnlySpan<byte> blob) => Blob.AsSpan().SequenceEqual(blob);
}
