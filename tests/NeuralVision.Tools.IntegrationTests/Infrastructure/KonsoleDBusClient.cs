using Tmds.DBus.Protocol;

namespace NeuralVision.Tools.IntegrationTests.Infrastructure;

/// <summary>
/// The D-Bus calls a test makes to a real Konsole, through Tmds.DBus.Protocol on the fixture's private bus (the proxy
/// shape of Tmds's docs/protocol.md). Every call has a time limit, so a Konsole that hangs (a modal dialog, for one)
/// fails the test instead of stopping it.
/// </summary>
public sealed class KonsoleDBusClient : IDisposable
{
    public const string SessionInterface = "org.kde.konsole.Session";
    public const string WindowInterface = "org.kde.konsole.Window";

    /// <summary>KDBusService's hand-over interface; only on this path (/MainApplication introspects it but refuses it).</summary>
    public const string KDBusServicePath = "/org/kde/konsole";

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(15);
    private readonly DBusConnection connection;

    private KonsoleDBusClient(DBusConnection connection, string destination)
    {
        this.connection = connection;
        Destination = destination;
    }

    /// <summary>The bus name calls go to (Konsole's well-known org.kde.konsole-PID).</summary>
    public string Destination { get; }

    public static async Task<KonsoleDBusClient> ConnectAsync(string busAddress, string destination)
    {
        var connection = new DBusConnection(busAddress);
        try
        {
            await connection.ConnectAsync().AsTask().WaitAsync(CallTimeout).ConfigureAwait(false);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new KonsoleDBusClient(connection, destination);
    }

    public Task<string> ProfileAsync(string session) =>
        CallAsync(Build(session, SessionInterface, "profile"), "profile", static (m, _) => m.GetBodyReader().ReadString());

    public Task SetProfileAsync(string session, string name) =>
        CallAsync<object?>(Build(session, SessionInterface, "setProfile", name), "setProfile", static (_, _) => null);

    /// <summary>Types <paramref name="line"/> and Enter into the tab.</summary>
    public Task RunCommandAsync(string session, string line) =>
        CallAsync<object?>(Build(session, SessionInterface, "runCommand", line), "runCommand", static (_, _) => null);

    /// <summary>Types <paramref name="text"/> as it is ("\n" is Enter).</summary>
    public Task SendTextAsync(string session, string text) =>
        CallAsync<object?>(Build(session, SessionInterface, "sendText", text), "sendText", static (_, _) => null);

    /// <summary>The pid of the tab's shell.</summary>
    public Task<int> ProcessIdAsync(string session) =>
        CallAsync(Build(session, SessionInterface, "processId"), "processId", static (m, _) => m.GetBodyReader().ReadInt32());

    public async Task<IReadOnlyList<string>> ProfileListAsync(string window) =>
        await CallAsync(Build(window, WindowInterface, "profileList"), "profileList", static (m, _) => m.GetBodyReader().ReadArrayOfString()).ConfigureAwait(false);

    public Task<string> DefaultProfileAsync(string window) =>
        CallAsync(Build(window, WindowInterface, "defaultProfile"), "defaultProfile", static (m, _) => m.GetBodyReader().ReadString());

    /// <summary>
    /// <c>org.kde.KDBusService.CommandLine(as arguments, s working-dir, a{sv} platform-data) → i</c>: what a second
    /// <c>konsole …</c> sends a running one. <paramref name="arguments"/>[0] is the program name.
    /// </summary>
    public Task<int> CommandLineAsync(IReadOnlyList<string> arguments, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        MessageBuffer message;
        using (var writer = connection.GetMessageWriter())
        {
            writer.WriteMethodCallHeader(Destination, KDBusServicePath, "org.kde.KDBusService", "CommandLine", "assa{sv}");
            writer.WriteArray(arguments.ToArray());
            writer.WriteString(workingDirectory);
            writer.WriteDictionaryEnd(writer.WriteDictionaryStart());
            message = writer.CreateMessage();
        }

        return CallAsync(message, "CommandLine", static (m, _) => m.GetBodyReader().ReadInt32());
    }

    /// <summary>The unique name (":1.N") that owns <paramref name="name"/>: what KONSOLE_DBUS_SERVICE holds in a tab.</summary>
    public Task<string> GetNameOwnerAsync(string name) =>
        CallAsync(Build("/org/freedesktop/DBus", "org.freedesktop.DBus", "GetNameOwner", name, destination: "org.freedesktop.DBus"), "GetNameOwner",
            static (m, _) => m.GetBodyReader().ReadString());

    public void Dispose() => connection.Dispose();

    /// <summary>A call with no argument or one string argument.</summary>
    private MessageBuffer Build(string path, string @interface, string member, string? argument = null, string? destination = null)
    {
        using var writer = connection.GetMessageWriter();
        writer.WriteMethodCallHeader(destination ?? Destination, path, @interface, member, argument is null ? null : "s");
        if (argument is not null)
        {
            writer.WriteString(argument);
        }

        return writer.CreateMessage();
    }

    private async Task<T> CallAsync<T>(MessageBuffer message, string member, MessageValueReader<T> reader)
    {
        try
        {
            return await connection.CallMethodAsync(message, reader).WaitAsync(CallTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{member} on {Destination}: no answer within {CallTimeout.TotalSeconds} s", e);
        }
    }
}
