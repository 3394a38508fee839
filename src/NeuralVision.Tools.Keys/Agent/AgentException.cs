namespace NeuralVision.Tools.Keys.Agent;

/// <summary>The agent's socket cannot be used: gone, not an agent, or a protocol error (not a plain refusal).</summary>
public sealed class AgentException : Exception
{
    public AgentException()
    {
    }

    public AgentException(string message)
        : base(message)
    {
    }

    public AgentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
