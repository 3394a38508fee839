using NeuralVision.Tools.Platform.Settings;

namespace NeuralVision.Tools.SshProfile.Konsole;

/// <summary>Where the tab nvt runs in lives on the bus, from the variables Konsole sets in every tab.</summary>
/// <param name="Service">KONSOLE_DBUS_SERVICE: Konsole's unique bus name (<c>:1.42</c>).</param>
/// <param name="SessionPath">KONSOLE_DBUS_SESSION: the tab's object (<c>/Sessions/1</c>).</param>
/// <param name="WindowPath">KONSOLE_DBUS_WINDOW: the window's object (<c>/Windows/1</c>); null when not set.</param>
/// <param name="BusAddress">DBUS_SESSION_BUS_ADDRESS.</param>
public sealed record KonsoleTarget(string Service, string SessionPath, string? WindowPath, string BusAddress)
{
    /// <summary>The tab's target, or null with the reason (for --verbose) when nvt does not run in a Konsole tab.</summary>
    public static KonsoleTarget? FromSettings(NvtSettings settings, out string? whyNot)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.KonsoleService is not string service || settings.KonsoleSession is not string session)
        {
            whyNot = $"not in a Konsole tab ({EnvVars.KonsoleService} or {EnvVars.KonsoleSession} is not set)";
            return null;
        }

        if (settings.SessionBusAddress is not string bus)
        {
            whyNot = $"{EnvVars.SessionBusAddress} is not set, so the session bus cannot be reached";
            return null;
        }

        whyNot = null;
        return new KonsoleTarget(service, session, settings.KonsoleWindow, bus);
    }

    public override string ToString() => $"{Service} {SessionPath}" + (WindowPath is null ? "" : $" (window {WindowPath})");
}
