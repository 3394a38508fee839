using Renci.SshNet;
using Renci.SshNet.Security;

namespace NeuralVision.Tools.Keys.Agent;

/// <summary>
/// A key the agent holds as SSH.NET's publickey method takes it: one <see cref="AgentAlgorithm"/> per signature
/// algorithm. RSA keys sign as rsa-sha2-512, and with <c>sha256Too</c> also as rsa-sha2-256 for servers that take only
/// that one. SSH.NET 2026.0.0 does not read server-sig-algs, so each algorithm offered costs one of the server's
/// MaxAuthTries (6 by default): the agent's other keys offer one algorithm each.
/// </summary>
internal sealed class AgentKeySource : IPrivateKeySource
{
    public AgentKeySource(SshAgentClient agent, AgentIdentity identity, bool sha256Too)
    {
        Identity = identity;
        HostKeyAlgorithms = identity.KeyType switch
        {
            "ssh-rsa" => sha256Too
                ? [new AgentAlgorithm("rsa-sha2-512", SshAgentClient.RsaSha512, identity, agent), new AgentAlgorithm("rsa-sha2-256", SshAgentClient.RsaSha256, identity, agent)]
                : [new AgentAlgorithm("rsa-sha2-512", SshAgentClient.RsaSha512, identity, agent)],
            // Ed25519, ECDSA and FIDO keys (the agent asks the device): the algorithm is the key type.
            string type => [new AgentAlgorithm(type, 0, identity, agent)],
        };
    }

    public AgentIdentity Identity { get; }

    public IReadOnlyCollection<HostAlgorithm> HostKeyAlgorithms { get; }
}
