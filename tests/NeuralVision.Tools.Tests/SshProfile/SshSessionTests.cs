using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Ssh;

namespace NeuralVision.Tools.Tests.Ssh;

/// <summary>The switch-and-restore logic with a fake Konsole and a fake ssh; the real ones are in the integration tests.</summary>
public sealed class SshSessionTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly FakeKonsole konsole = new();
    private readonly FakeSsh ssh = new();
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();
    private readonly Dictionary<string, string> variables;

    public SshSessionTests()
    {
        string bin = temp.MakeDirectory("bin");
        File.WriteAllText(Path.Combine(bin, "ssh"), "#!/bin/sh\n");
        File.SetUnixFileMode(Path.Combine(bin, "ssh"), (UnixFileMode)0b111_101_101);
        variables = new()
        {
            ["HOME"] = temp.MakeDirectory("home"),
            ["PATH"] = bin,
            ["KONSOLE_DBUS_SERVICE"] = ":1.42",
            ["KONSOLE_DBUS_SESSION"] = "/Sessions/1",
            ["KONSOLE_DBUS_WINDOW"] = "/Windows/1",
            ["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent",
        };
    }

    [Fact]
    public async Task Run_SwitchesBeforeSshAndRestoresAfter()
    {
        ssh.OnRun = () => Assert.Equal("Puffin", konsole.Current);

        int status = await Session().RunAsync(new SshRequest(["puffin"]));

        Assert.Equal(0, status);
        Assert.Equal(["Puffin", "Local"], konsole.SetCalls);
        Assert.Single(ssh.Runs);
    }

    [Fact]
    public async Task Run_SshThrows_StillRestores()
    {
        ssh.OnRun = () => throw new InvalidOperationException("cannot run ssh");

        await Assert.ThrowsAsync<InvalidOperationException>(() => Session().RunAsync(new SshRequest(["puffin"])));

        Assert.Equal("Local", konsole.Current);
    }

    [Fact]
    public async Task Run_ExitStatus_IsSshs()
    {
        ssh.Status = 255;

        Assert.Equal(255, await Session().RunAsync(new SshRequest(["puffin"])));
        Assert.Equal("Local", konsole.Current);
    }

    [Fact]
    public async Task Run_AlreadyOnTheProfile_DoesNotSwitch()
    {
        konsole.Current = "Puffin";

        await Session().RunAsync(new SshRequest(["puffin"]));

        Assert.Empty(konsole.SetCalls);
    }

    [Fact]
    public async Task Run_ConnectFails_RunsSshWithoutAWord()
    {
        var session = new SshSession(Environment(), ssh, _ => throw new KonsoleException("no bus"), Console());

        Assert.Equal(0, await session.RunAsync(new SshRequest(["puffin"])));
        Assert.Single(ssh.Runs);
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public async Task Run_RestoreFails_Warns()
    {
        ssh.OnRun = () => konsole.FailSet = new KonsoleException("setProfile: org.freedesktop.DBus.Error.NoReply: timeout", "org.freedesktop.DBus.Error.NoReply");

        await Session().RunAsync(new SshRequest(["puffin"]));

        Assert.Contains("could not restore the Konsole profile 'Local'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_KonsoleGoneBeforeRestore_IsQuiet()
    {
        ssh.OnRun = () => konsole.FailSet = new KonsoleException("gone", DBusErrors.ServiceUnknown);

        await Session().RunAsync(new SshRequest(["puffin"]));

        Assert.Equal("", error.ToString());
    }

    [Fact]
    public async Task Run_SetProfileIgnored_WarnsAndDoesNotRestore()
    {
        konsole.IgnoreSet = true;

        await Session().RunAsync(new SshRequest(["puffin"]));

        Assert.Equal(["Puffin"], konsole.SetCalls);
        Assert.Contains("Konsole did not switch to profile 'Puffin'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoDestination_RunsSshWithoutAsking()
    {
        await Session().RunAsync(new SshRequest(["-V"]));

        Assert.Empty(konsole.SetCalls);
        Assert.Equal(["-V"], ssh.Runs.Single());
    }

    [Fact]
    public async Task Run_NoSshOnPath_Throws()
    {
        variables["PATH"] = temp.Path + "/none";

        await Assert.ThrowsAsync<SshNotFoundException>(() => Session().RunAsync(new SshRequest(["puffin"])));
    }

    [Fact]
    public async Task Run_BackgroundOutsideKonsole_WritesOscAroundSsh()
    {
        variables.Remove("KONSOLE_DBUS_SERVICE");
        string config = Path.Combine(temp.Path, "config.toml");
        File.WriteAllText(config, "[ssh.backgrounds]\n\"puffin\" = \"#2b1b1b\"\n");
        variables["NVT_CONFIG"] = config;
        var terminal = new StringWriter();
        ssh.OnRun = () => Assert.Equal("\e]11;#2b1b1b\a", terminal.ToString());

        await Session(terminal).RunAsync(new SshRequest(["puffin"]));

        Assert.Equal("\e]11;#2b1b1b\a\e]111\a", terminal.ToString());
        Assert.Equal(["-G", "puffin"], ssh.Captures.Single());
    }

    [Theory]
    [InlineData("a b", "'a b'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("", "''")]
    [InlineData("-L8080:h:80", "-L8080:h:80")]
    public void Quote(string arg, string expected)
    {
        Assert.Equal("ssh " + expected, SshSession.Quote("ssh", [arg]));
    }

    public void Dispose() => temp.Dispose();

    private SshSession Session(TextWriter? terminal = null) =>
        new(Environment(), ssh, _ => Task.FromResult<IKonsoleTab>(konsole), Console(terminal));

    private DictionaryEnvironment Environment() => new(variables, "/");

    private SshConsole Console(TextWriter? terminal = null) => new(output, error, false, terminal);

    private sealed class FakeKonsole : IKonsoleTab
    {
        public string Current { get; set; } = "Local";

        public List<string> SetCalls { get; } = [];

        public bool IgnoreSet { get; set; }

        public KonsoleException? FailSet { get; set; }

        public Task<string> GetProfileAsync() => Task.FromResult(Current);

        public Task SetProfileAsync(string name)
        {
            SetCalls.Add(name);
            if (FailSet is not null)
            {
                throw FailSet;
            }

            if (!IgnoreSet)
            {
                Current = name;
            }

            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<string>> GetProfileListAsync() => Task.FromResult<IReadOnlyList<string>>(["Local", "Puffin"]);

        public Task<string> GetDefaultProfileAsync() => Task.FromResult("Local");

        public void Dispose()
        {
        }
    }

    private sealed class FakeSsh : ISshProcess
    {
        public List<IReadOnlyList<string>> Runs { get; } = [];

        public List<IReadOnlyList<string>> Captures { get; } = [];

        public Action? OnRun { get; set; }

        public int Status { get; set; }

        public int Run(string sshPath, IReadOnlyList<string> args)
        {
            Runs.Add(args);
            OnRun?.Invoke();
            return Status;
        }

        public string? Capture(string sshPath, IReadOnlyList<string> args, TimeSpan timeout)
        {
            Captures.Add(args);
            return "hostname puffin\n";
        }
    }
}
