using System.Reflection;
using System.Xml.Linq;
using Tmds.DBus.Protocol;

namespace NeuralVision.Tools.IntegrationTests.Ssh;

/// <summary>
/// A Konsole on a private bus for tests: org.kde.konsole.Session at /Sessions/1 and org.kde.konsole.Window at /Windows/1
/// with exactly the methods and signatures of a real Konsole 22.12.3's introspection data (embedded from
/// shared/konsole/), which Introspect returns byte for byte. setProfile with a name not in profileList is a silent
/// no-op, like Konsole; a wrong signature gets UnknownMethod with Konsole's message. Every call is recorded in order.
/// KDBusService's CommandLine on /org/kde/konsole loads a profile file written after the start, as the real one does
/// (<see cref="FakeCommandLineHandler"/>).
/// </summary>
public sealed class FakeKonsoleService : IDisposable
{
    public const string SessionPath = "/Sessions/1";
    public const string WindowPath = "/Windows/1";

    private readonly DBusConnection connection;
    private readonly List<string> calls = [];
    private readonly Lock gate = new();
    private string currentProfile;

    private FakeKonsoleService(DBusConnection connection, string currentProfile)
    {
        this.connection = connection;
        this.currentProfile = currentProfile;
    }

    public KonsoleMode Mode { get; set; }

    public List<string> Profiles { get; } = ["Local", "Puffin", "Danger", "Default"];

    public string DefaultProfile { get; set; } = "Default";

    /// <summary>The unique bus name: what KONSOLE_DBUS_SERVICE holds in a real tab.</summary>
    public string UniqueName => connection.UniqueName!;

    public string CurrentProfile
    {
        get
        {
            lock (gate)
            {
                return currentProfile;
            }
        }
    }

    /// <summary>Every call received, as "member(args)" in order; Introspect and Properties calls are not recorded.</summary>
    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (gate)
            {
                return [.. calls];
            }
        }
    }

    public IReadOnlyList<string> SetProfileCalls => [.. Calls.Where(call => call.StartsWith("setProfile(", StringComparison.Ordinal))];

    public static async Task<FakeKonsoleService> StartAsync(string busAddress, string currentProfile = "Local")
    {
        var connection = new DBusConnection(busAddress);
        await connection.ConnectAsync();
        var service = new FakeKonsoleService(connection, currentProfile);
        connection.AddMethodHandler(new Handler(service, SessionPath, ReadInterface("org.kde.konsole.Session.xml")));
        connection.AddMethodHandler(new Handler(service, WindowPath, ReadInterface("org.kde.konsole.Window.xml")));
        connection.AddMethodHandler(new FakeCommandLineHandler(service));
        await connection.RequestNameAsync($"org.kde.konsole-{Environment.ProcessId}", RequestNameOptions.Default);
        return service;
    }

    public void Dispose() => connection.Dispose();

    /// <summary>What CommandLine does with <c>--profile FILE</c>: the profile named in FILE joins the profile list.</summary>
    internal void Load(string file)
    {
        string? name = File.ReadLines(file).FirstOrDefault(line => line.StartsWith("Name=", StringComparison.Ordinal))?[5..];
        lock (gate)
        {
            if (name is not null && !Profiles.Contains(name))
            {
                Profiles.Add(name);
            }
        }
    }

    internal void Record(string call)
    {
        lock (gate)
        {
            calls.Add(call);
        }
    }

    private static KonsoleInterface ReadInterface(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("konsole/" + file)
            ?? throw new InvalidOperationException("missing embedded resource konsole/" + file);
        using var reader = new StreamReader(stream);
        string xml = reader.ReadToEnd();
        var methods = new Dictionary<(string Interface, string Member, string Signature), string>();
        foreach (var @interface in XDocument.Parse(xml).Root!.Elements("interface"))
        {
            string name = @interface.Attribute("name")!.Value;
            foreach (var method in @interface.Elements("method"))
            {
                string input = string.Concat(method.Elements("arg").Where(a => a.Attribute("direction")?.Value == "in").Select(a => a.Attribute("type")!.Value));
                string output = string.Concat(method.Elements("arg").Where(a => a.Attribute("direction")?.Value == "out").Select(a => a.Attribute("type")!.Value));
                methods[(name, method.Attribute("name")!.Value, input)] = output;
            }
        }

        return new KonsoleInterface(xml, methods);
    }

    private sealed record KonsoleInterface(string Xml, Dictionary<(string Interface, string Member, string Signature), string> Methods);

    private sealed class Handler(FakeKonsoleService service, string path, KonsoleInterface definition) : IPathMethodHandler
    {
        public string Path => path;

        public bool HandlesChildPaths => false;

        public ValueTask HandleMethodAsync(MethodContext context)
        {
            var request = context.Request;
            string @interface = request.InterfaceAsString ?? "";
            string member = request.MemberAsString ?? "";
            string signature = request.SignatureAsString ?? "";
            if (!definition.Methods.TryGetValue((@interface, member, signature), out string? output))
            {
                context.ReplyError("org.freedesktop.DBus.Error.UnknownMethod",
                    $"No such method '{member}' in interface '{@interface}' at object path '{path}' (signature '{signature}')");
                return default;
            }

            switch (@interface, member)
            {
                case ("org.freedesktop.DBus.Introspectable", "Introspect"):
                    ReplyString(context, definition.Xml);
                    return default;
                case ("org.freedesktop.DBus.Properties", "GetAll"):
                    {
                        using var writer = context.CreateReplyWriter("a{sv}");
                        writer.WriteDictionaryEnd(writer.WriteDictionaryStart());
                        context.Reply(writer.CreateMessage());
                        return default;
                    }
            }

            var reader = request.GetBodyReader();
            string? argument = signature == "s" ? reader.ReadString() : null;
            service.Record($"{member}({argument})");
            switch (member)
            {
                case "profile" when service.Mode == KonsoleMode.NoProfileMethod:
                    context.ReplyError("org.freedesktop.DBus.Error.UnknownMethod",
                        $"No such method 'profile' in interface '{@interface}' at object path '{path}' (signature '')");
                    return default;
                case "profile":
                    ReplyString(context, service.CurrentProfile);
                    return default;
                case "setProfile":
                    lock (service.gate)
                    {
                        // Konsole ignores names it does not know, without an error.
                        if (service.Profiles.Contains(argument!))
                        {
                            service.currentProfile = argument!;
                        }
                    }

                    if (service.Mode == KonsoleMode.AccessDeniedAfterSwitch)
                    {
                        context.ReplyError("org.freedesktop.DBus.Error.AccessDenied", "The security sensitive DBus API is disabled");
                        return default;
                    }

                    break;
                case "profileList":
                    {
                        using var writer = context.CreateReplyWriter("as");
                        lock (service.gate)
                        {
                            writer.WriteArray(service.Profiles.ToArray());
                        }

                        context.Reply(writer.CreateMessage());
                        return default;
                    }

                case "defaultProfile":
                    ReplyString(context, service.DefaultProfile);
                    return default;
            }

            ReplyDefault(context, output);
            return default;
        }

        private static void ReplyString(MethodContext context, string value)
        {
            using var writer = context.CreateReplyWriter("s");
            writer.WriteString(value);
            context.Reply(writer.CreateMessage());
        }

        /// <summary>A neutral answer of the declared type for the methods nvt never calls.</summary>
        private static void ReplyDefault(MethodContext context, string signature)
        {
            using var writer = context.CreateReplyWriter(signature);
            switch (signature)
            {
                case "s":
                    writer.WriteString("");
                    break;
                case "i":
                    writer.WriteInt32(0);
                    break;
                case "b":
                    writer.WriteBool(false);
                    break;
                case "as":
                    writer.WriteArray(Array.Empty<string>());
                    break;
                case "ay":
                    writer.WriteArray(Array.Empty<byte>());
                    break;
            }

            context.Reply(writer.CreateMessage());
        }
    }
}
