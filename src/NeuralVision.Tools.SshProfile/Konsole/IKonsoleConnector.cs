namespace NeuralVision.Tools.SshProfile.Konsole;

/// <summary>How nvt reaches the tab's Konsole, so the switch-and-restore logic can be tested without a bus.</summary>
public interface IKonsoleConnector
{
    /// <summary>Connects to the session bus of <paramref name="target"/>; throws <see cref="KonsoleException"/> on failure.</summary>
    Task<IKonsoleTab> ConnectAsync(KonsoleTarget target, TimeSpan timeout);
}
