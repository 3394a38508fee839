using System.Xml.Linq;
using Tmds.DBus.Protocol;

namespace NeuralVision.Tools.IntegrationTests.Ssh;

/// <summary>How the test Konsole behaves.</summary>
public enum KonsoleMode
{
    /// <summary>Konsole 19.12 to 25.08: the observed 22.12 behaviour.</summary>
    Normal,

    /// <summary>Konsole 25.12+: setProfile applies the profile, then answers org.freedesktop.DBus.Error.AccessDenied.</summary>
    AccessDeniedAfterSwitch,

    /// <summary>Konsole before 19.12: there is no Session.profile(), calling it gives UnknownMethod.</summary>
    NoProfileMethod,

    /// <summary>A Konsole without org.kde.KDBusService on /org/kde/konsole: profiles cannot be loaded while it runs.</summary>
    NoKDBusService,
}
