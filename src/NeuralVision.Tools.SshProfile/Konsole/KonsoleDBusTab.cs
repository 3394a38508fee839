using NeuralVision.Tools.Platform;
using Tmds.DBus.Protocol;

namespace NeuralVision.Tools.Ssh;

/// <summary>A D-Bus error from Konsole or the bus; <see cref="ErrorName"/> is the D-Bus error name when there is one.</summary>
public sealed class KonsoleException : Exception
{
    public KonsoleException(string message, string? errorName = null, Exception? inner = null)
        : base(message, inner)
    {
        ErrorName = errorName;
    }

    public string? ErrorName { get; }
}

/// <summary>The D-Bus error names nvt reacts to.</summary>
public static class DBusErrors
{
    public const string AccessDenied = "org.freedesktop.DBus.Error.AccessDenied";
    public const string UnknownMethod = "org.freedesktop.DBus.Error.UnknownMethod";
    public const string UnknownObject = "org.freedesktop.DBus.Error.UnknownObject";
    public const string ServiceUnknown = "org.freedesktop.DBus.Error.ServiceUnknown";
}

/// <summary>Where the tab nvt runs in lives on the bus, from the variables Konsole sets in every tab.</summary>
/// <param name="Service">KONSOLE_DBUS_SERVICE: Konsole's unique bus name (<c>:1.42</c>).</param>
/// <param name="SessionPath">KONSOLE_DBUS_SESSION: the tab's object (<c>/Sessions/1</c>).</param>
/// <param name="WindowPath">KONSOLE_DBUS_WINDOW: the window's object (<c>/Windows/1</c>); null when not set.</param>
/// <param name="BusAddress">DBUS_SESSION_BUS_ADDRESS.</param>
public sealed record KonsoleTarget(string Service, string SessionPath, string? WindowPath, string BusAddress)
{
    public const string ServiceVariable = "KONSOLE_DBUS_SERVICE";
    public const string SessionVariable = "KONSOLE_DBUS_SESSION";
    public const string WindowVariable = "KONSOLE_DBUS_WINDOW";
    public const string BusVariable = "DBUS_SESSION_BUS_ADDRESS";

    /// <summary>The tab's target, or null with the reason (for --verbose) when nvt does not run in a Konsole tab.</summary>
    public static KonsoleTarget? FromEnvironment(IEnvironment environment, out string? whyNot)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? service = environment.GetVariable(ServiceVariable);
        string? session = environment.GetVariable(SessionVariable);
        string? window = environment.GetVariable(WindowVariable);
        string? bus = environment.GetVariable(BusVariable);
        if (string.IsNullOrEmpty(service) || string.IsNullOrEmpty(session))
        {
            whyNot = $"not in a Konsole tab ({ServiceVariable} or {SessionVariable} is not set)";
            return null;
        }

        if (string.IsNullOrEmpty(bus))
        {
            whyNot = $"{BusVariable} is not set, so the session bus cannot be reached";
            return null;
        }

        whyNot = null;
        return new KonsoleTarget(service, session, string.IsNullOrEmpty(window) ? null : window, bus);
    }

    public override string ToString() => $"{Service} {SessionPath}" + (WindowPath is null ? "" : $" (window {WindowPath})");
}

/// <summary>The Konsole calls nvt makes, so the switch-and-restore logic can be tested without a bus.</summary>
public interface IKonsoleTab : IDisposable
{
    /// <summary><c>Session.profile()</c>: the tab's current profile (Konsole 19.12 and later).</summary>
    Task<string> GetProfileAsync();

    /// <summary><c>Session.setProfile(s)</c>. An unknown name is silently ignored by Konsole.</summary>
    Task SetProfileAsync(string name);

    /// <summary><c>Window.profileList()</c>.</summary>
    Task<IReadOnlyList<string>> GetProfileListAsync();

    /// <summary><c>Window.defaultProfile()</c>.</summary>
    Task<string> GetDefaultProfileAsync();
}

/// <summary>
/// Konsole's tab over D-Bus, with Tmds.DBus.Protocol (no reflection, AOT-safe). Every call has a time limit: a hung
/// Konsole must not keep nvt, or the terminal, waiting. Errors become <see cref="KonsoleException"/>.
/// </summary>
public sealed class KonsoleDBusTab : IKonsoleTab
{
    private const string SessionInterface = "org.kde.konsole.Session";
    private const string WindowInterface = "org.kde.konsole.Window";

    private readonly DBusConnection connection;
    private readonly KonsoleTarget target;
    private readonly TimeSpan timeout;

    private KonsoleDBusTab(DBusConnection connection, KonsoleTarget target, TimeSpan timeout)
    {
        this.connection = connection;
        this.target = target;
        this.timeout = timeout;
    }

    public static async Task<KonsoleDBusTab> ConnectAsync(KonsoleTarget target, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(target);
        var connection = new DBusConnection(target.BusAddress);
        try
        {
            await connection.ConnectAsync().AsTask().WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            connection.Dispose();
            throw new KonsoleException($"cannot connect to the session bus: {e.Message}", null, e);
        }

        return new KonsoleDBusTab(connection, target, timeout);
    }

    public Task<string> GetProfileAsync() =>
        CallAsync(target.SessionPath, SessionInterface, "profile", null, static (m, _) => m.GetBodyReader().ReadString());

    public async Task SetProfileAsync(string name) =>
        await CallAsync<object?>(target.SessionPath, SessionInterface, "setProfile", name, static (_, _) => null).ConfigureAwait(false);

    public async Task<IReadOnlyList<string>> GetProfileListAsync() =>
        await CallAsync(WindowPath(), WindowInterface, "profileList", null, static (m, _) => m.GetBodyReader().ReadArrayOfString()).ConfigureAwait(false);

    public Task<string> GetDefaultProfileAsync() =>
        CallAsync(WindowPath(), WindowInterface, "defaultProfile", null, static (m, _) => m.GetBodyReader().ReadString());

    public void Dispose() => connection.Dispose();

    private string WindowPath() =>
        target.WindowPath ?? throw new KonsoleException($"{KonsoleTarget.WindowVariable} is not set, so the window cannot be asked");

    private async Task<T> CallAsync<T>(string path, string @interface, string member, string? argument, MessageValueReader<T> reader)
    {
        MessageBuffer message;
        using (var writer = connection.GetMessageWriter())
        {
            writer.WriteMethodCallHeader(target.Service, path, @interface, member, argument is null ? null : "s");
            if (argument is not null)
            {
                writer.WriteString(argument);
            }

            message = writer.CreateMessage();
        }

        try
        {
            return await connection.CallMethodAsync(message, reader).WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (DBusErrorReplyException e)
        {
            throw new KonsoleException($"{member}: {e.ErrorName}: {e.ErrorMessage}", e.ErrorName, e);
        }
        catch (TimeoutException e)
        {
            throw new KonsoleException($"{member}: no answer within {timeout.TotalSeconds:0.#} s", null, e);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not KonsoleException)
        {
            throw new KonsoleException($"{member}: {e.Message}", null, e);
        }
    }
}
