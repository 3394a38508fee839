using NeuralVision.Tools.Platform.Settings;
using Tmds.DBus.Protocol;

namespace NeuralVision.Tools.SshProfile.Konsole;

/// <summary>
/// Konsole's tab over D-Bus, with Tmds.DBus.Protocol (no reflection, AOT-safe). Every call has a time limit: a hung
/// Konsole must not keep nvt, or the terminal, waiting. Errors become <see cref="KonsoleException"/>.
/// </summary>
public sealed class KonsoleDBusTab : IKonsoleTab
{
    private const string SessionInterface = "org.kde.konsole.Session";
    private const string WindowInterface = "org.kde.konsole.Window";
    private const string HandOverInterface = "org.kde.KDBusService";

    /// <summary>KDBusService's object (it is also listed on /MainApplication, which refuses calls to it).</summary>
    private const string HandOverPath = "/org/kde/konsole";

    private readonly DBusConnection connection;
    private readonly KonsoleTarget target;
    private readonly TimeSpan timeout;

    private KonsoleDBusTab(DBusConnection connection, KonsoleTarget target, TimeSpan timeout)
    {
        this.connection = connection;
        this.target = target;
        this.timeout = timeout;
    }

    public static async Task<IKonsoleTab> ConnectAsync(KonsoleTarget target, TimeSpan timeout)
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

    public async Task LoadProfileAsync(string profileFile, string emptyLayout, string workingDirectory)
    {
        MessageBuffer message;
        using (var writer = connection.GetMessageWriter())
        {
            writer.WriteMethodCallHeader(target.Service, HandOverPath, HandOverInterface, "CommandLine", "assa{sv}");
            writer.WriteArray(new[] { "konsole", "--new-tab", "--layout", emptyLayout, "--profile", profileFile });
            writer.WriteString(workingDirectory);
            writer.WriteDictionaryEnd(writer.WriteDictionaryStart());
            message = writer.CreateMessage();
        }

        // Its int answer (0) says nothing profileList() does not; reading it as nothing reuses setProfile's reader type.
        await SendAsync<object?>(message, "CommandLine", static (_, _) => null).ConfigureAwait(false);
    }

    public void Dispose() => connection.Dispose();

    private string WindowPath() =>
        target.WindowPath ?? throw new KonsoleException($"{EnvVars.KonsoleWindow} is not set, so the window cannot be asked");

    // Not async itself: each async method is a state machine type whose static block every nvt start pays for.
    private Task<T> CallAsync<T>(string path, string @interface, string member, string? argument, MessageValueReader<T> reader)
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

        return SendAsync(message, member, reader);
    }

    private async Task<T> SendAsync<T>(MessageBuffer message, string member, MessageValueReader<T> reader)
    {
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
