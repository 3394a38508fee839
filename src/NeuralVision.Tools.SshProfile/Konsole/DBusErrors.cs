namespace NeuralVision.Tools.SshProfile.Konsole;

/// <summary>The D-Bus error names nvt reacts to.</summary>
public static class DBusErrors
{
    public const string AccessDenied = "org.freedesktop.DBus.Error.AccessDenied";
    public const string UnknownMethod = "org.freedesktop.DBus.Error.UnknownMethod";
    public const string UnknownObject = "org.freedesktop.DBus.Error.UnknownObject";
    public const string ServiceUnknown = "org.freedesktop.DBus.Error.ServiceUnknown";
}
