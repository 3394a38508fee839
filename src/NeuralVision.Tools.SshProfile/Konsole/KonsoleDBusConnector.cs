namespace NeuralVision.Tools.SshProfile.Konsole;

/// <summary>The real connector: Tmds.DBus.Protocol to the bus address the tab's environment names.</summary>
public sealed class KonsoleDBusConnector : IKonsoleConnector
{
    public Task<IKonsoleTab> ConnectAsync(KonsoleTarget target, TimeSpan timeout) => KonsoleDBusTab.ConnectAsync(target, timeout);
}
