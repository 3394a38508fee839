using Tmds.DBus.Protocol;

namespace NeuralVision.Tools.IntegrationTests.Ssh;

/// <summary>
/// org.kde.KDBusService on /org/kde/konsole of the test Konsole: <c>CommandLine(as, s, a{sv}) → i</c>, with what
/// Konsole 22.12 does for <c>konsole --new-tab --layout EMPTY --profile FILE</c>: FILE's profile is loaded, no tab
/// opens. A layout file that does not exist is refused (the real Konsole shows a modal dialog and never answers), and
/// with <see cref="KonsoleMode.NoKDBusService"/> the object is missing, as on a Konsole without this interface.
/// </summary>
internal sealed class FakeCommandLineHandler(FakeKonsoleService service) : IPathMethodHandler
{
    public string Path => "/org/kde/konsole";

    public bool HandlesChildPaths => false;

    public ValueTask HandleMethodAsync(MethodContext context)
    {
        var request = context.Request;
        if (service.Mode == KonsoleMode.NoKDBusService)
        {
            context.ReplyError("org.freedesktop.DBus.Error.UnknownObject", "No such object path '/org/kde/konsole'");
            return default;
        }

        if (request.InterfaceAsString != "org.kde.KDBusService" || request.MemberAsString != "CommandLine" || request.SignatureAsString != "assa{sv}")
        {
            context.ReplyError("org.freedesktop.DBus.Error.UnknownMethod", $"No such method '{request.MemberAsString}'");
            return default;
        }

        var reader = request.GetBodyReader();
        string[] arguments = reader.ReadArrayOfString();
        int layout = Array.IndexOf(arguments, "--layout");
        int profile = Array.IndexOf(arguments, "--profile");
        string? file = profile >= 0 && profile + 1 < arguments.Length ? arguments[profile + 1] : null;
        service.Record($"CommandLine({file})");
        if (layout < 0 || layout + 1 >= arguments.Length || !File.Exists(arguments[layout + 1]))
        {
            context.ReplyError("org.kde.test.LayoutMissing", "the real Konsole would show a modal dialog here and never answer");
            return default;
        }

        if (file is not null && File.Exists(file))
        {
            service.Load(file);
        }

        using var writer = context.CreateReplyWriter("i");
        writer.WriteInt32(0);
        context.Reply(writer.CreateMessage());
        return default;
    }
}
