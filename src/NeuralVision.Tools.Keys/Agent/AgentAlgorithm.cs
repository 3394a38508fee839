using Renci.SshNet.Security;

namespace NeuralVision.Tools.Keys.Agent;

/// <summary>
/// One signature algorithm of a key the agent holds, for SSH.NET: the public blob as the agent listed it, and a
/// signature asked of the agent, which answers in SSH encoding (string algorithm, string signature) as SSH.NET's own
/// keys sign. The same shape as Copy's DeferredAlgorithm, with the agent in place of the passphrase.
/// </summary>
internal sealed class AgentAlgorithm(string name, uint flags, AgentIdentity identity, SshAgentClient agent) : HostAlgorithm(name)
{
    public override byte[] Data => identity.Blob;

    public override byte[] Sign(byte[] data)
    {
        byte[]? signature;
        try
        {
            signature = agent.Sign(identity.Blob, data, flags);
        }
        catch (AgentException)
        {
            signature = null;
        }

        // A refusal, or an agent that ignored the flags (an "ssh-rsa" SHA-1 signature for rsa-sha2-512), gives an
        // empty signature: the server rejects it like a wrong one and SSH.NET goes on to the next key or method.
        return signature is not null && new SshWireReader(signature).ReadText() == Name ? signature : [];
    }

    public override bool VerifySignature(byte[] data, byte[] signature) =>
        throw new NotSupportedException("a client identity never verifies signatures");
}
