using NeuralVision.Tools.Platform.Processes;
using NeuralVision.Tools.SshProfile;
using NeuralVision.Tools.SshProfile.Commands;
using NeuralVision.Tools.SshProfile.Konsole;

namespace NeuralVision.Tools.Tests.SshProfile;

/// <summary>
/// The switch-and-restore logic through `nvt ssh` (SshCommand around SshSession) with a fake Konsole and a recorded
/// ssh; the real ones are in the integration tests.
/// </summary>
public sealed class SshSessionTests : IDisposable
{
    private readonly FakeKonsoleTab konsole = new();
    private readonly TestContext nvt;
    private readonly List<IReadOnlyList<string>> sshRuns = [];

    public SshSessionTests()
    {
        nvt = new TestContext(new()
        {
            ["KONSOLE_DBUS_SERVICE"] = ":1.42",
            ["KONSOLE_DBUS_SESSION"] = "/Sessions/1",
            ["KONSOLE_DBUS_WINDOW"] = "/Windows/1",
            ["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent",
        });
        nvt.ProcessRunner.Programs["ssh"] = "/usr/bin/ssh";
        nvt.ProcessRunner.OnForeground = (_, args) =>
        {
            sshRuns.Add(args);
            OnRun?.Invoke();
            return Status;
        };
        nvt.ProcessRunner.OnCapture = _ => new CapturedRun(0, "hostname puffin\n", "");
    }

    /// <summary>What the recorded ssh does while it runs.</summary>
    private Action? OnRun { get; set; }

    /// <summary>The recorded ssh's exit status.</summary>
    private int Status { get; set; }

    [Fact]
    public void Run_SwitchesBeforeSshAndRestoresAfter()
    {
        OnRun = () => Assert.Equal("Puffin", konsole.Current);

        int status = Run(new SshRequest(["puffin"]));

        Assert.Equal(0, status);
        Assert.Equal(["Puffin", "Local"], konsole.SetCalls);
        Assert.Single(sshRuns);
    }

    [Fact]
    public void Run_SshThrows_StillRestores()
    {
        OnRun = () => throw new InvalidOperationException("cannot run ssh");

        Assert.Throws<InvalidOperationException>(() => Run(new SshRequest(["puffin"])));

        Assert.Equal("Local", konsole.Current);
    }

    [Fact]
    public void Run_ExitStatus_IsSshs()
    {
        Status = 255;

        Assert.Equal(255, Run(new SshRequest(["puffin"])));
        Assert.Equal("Local", konsole.Current);
    }

    [Fact]
    public void Run_AlreadyOnTheProfile_DoesNotSwitch()
    {
        konsole.Current = "Puffin";

        Run(new SshRequest(["puffin"]));

        Assert.Empty(konsole.SetCalls);
    }

    [Fact]
    public void Run_ConnectFails_RunsSshWithoutAWord()
    {
        konsole.FailConnect = new KonsoleException("no bus");

        Assert.Equal(0, Run(new SshRequest(["puffin"])));
        Assert.Single(sshRuns);
        Assert.Equal("", nvt.Error.ToString());
    }

    [Fact]
    public void Run_RestoreFails_Warns()
    {
        OnRun = () => konsole.FailSet = new KonsoleException("setProfile: org.freedesktop.DBus.Error.NoReply: timeout", "org.freedesktop.DBus.Error.NoReply");

        Run(new SshRequest(["puffin"]));

        Assert.Contains("could not restore the Konsole profile 'Local'", nvt.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_KonsoleGoneBeforeRestore_IsQuiet()
    {
        OnRun = () => konsole.FailSet = new KonsoleException("gone", DBusErrors.ServiceUnknown);

        Run(new SshRequest(["puffin"]));

        Assert.Equal("", nvt.Error.ToString());
    }

    [Fact]
    public void Run_SetProfileIgnored_WarnsAndDoesNotRestore()
    {
        konsole.IgnoreSet = true;

        Run(new SshRequest(["puffin"]));

        Assert.Equal(["Puffin"], konsole.SetCalls);
        Assert.Contains("Konsole did not switch to profile 'Puffin'", nvt.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoDestination_RunsSshWithoutAsking()
    {
        Run(new SshRequest(["-V"]));

        Assert.Empty(konsole.SetCalls);
        Assert.Equal(["-V"], sshRuns.Single());
    }

    [Fact]
    public void Run_NoSshOnPath_Throws()
    {
        nvt.ProcessRunner.Programs.Remove("ssh");

        Assert.Throws<SshNotFoundException>(() => Run(new SshRequest(["puffin"])));
    }

    [Fact]
    public void Run_BackgroundOutsideKonsole_WritesOscAroundSsh()
    {
        nvt.Variables.Remove("KONSOLE_DBUS_SERVICE");
        string config = nvt.MakeFile("config.toml");
        File.WriteAllText(config, "[ssh.backgrounds]\n\"puffin\" = \"#2b1b1b\"\n");
        nvt.Variables["NVT_CONFIG"] = config;
        nvt.Terminal.OutputIsTerminal = true;
        string? duringSsh = null;
        OnRun = () => duringSsh = nvt.Output.ToString();

        Run(new SshRequest(["puffin"]));

        Assert.Equal("\e]11;#2b1b1b\a", duringSsh);
        Assert.Equal("\e]11;#2b1b1b\a\e]111\a", nvt.Output.ToString());
        Assert.Equal(["-G", "puffin"], nvt.ProcessRunner.Captures.Single().Arguments);
    }

    [Theory]
    [InlineData("a b", "'a b'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("", "''")]
    [InlineData("-L8080:h:80", "-L8080:h:80")]
    public void Quote(string arg, string expected)
    {
        Assert.Equal("ssh " + expected, SshPlanPrinter.Quote("ssh", [arg]));
    }

    public void Dispose() => nvt.Dispose();

    /// <summary>`nvt ssh` with the request, on the fake Konsole; output goes to a fresh <see cref="TestContext.Output"/>.</summary>
    private int Run(SshRequest request)
    {
        nvt.ResetOutput();
        return SshCommand.Run(nvt, request, konsole);
    }
}
