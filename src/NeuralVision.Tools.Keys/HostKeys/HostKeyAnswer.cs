namespace NeuralVision.Tools.Keys.HostKeys;

/// <summary>What the user answered to the unknown-host question.</summary>
public enum HostKeyAnswer
{
    Accept,
    Refuse,

    /// <summary>Neither yes, no nor the fingerprint: print <see cref="KnownHostsMessages.AskAgainPrompt"/> and read again.</summary>
    AskAgain,
}
