using System.Diagnostics;
using NeuralVision.Tools.SshProfile.Commands;
using NeuralVision.Tools.SshProfile.Konsole;
using NeuralVision.Tools.SshProfile.Restore;

namespace NeuralVision.Tools.Tests.SshProfile;

/// <summary>`nvt profiles restore`: what the prompt hook runs after an `nvt ssh` was killed.</summary>
public sealed class ProfilesRestoreCommandTests : IDisposable
{
    private readonly TestContext nvt = new();
    private readonly FakeKonsoleTab konsole = new() { Current = "Puffin" };
    private readonly string marker;

    public ProfilesRestoreCommandTests()
    {
        marker = Path.Combine(nvt.MakeDirectory("run"), "nvt-restore.1");
        nvt.Variables["NVT_RESTORE_MARKER"] = marker;
        nvt.Terminal.OutputIsTerminal = true;
    }

    [Fact]
    public void Restore_DeadNvt_SetsTheProfileBackInTheMarkersTabAndRemovesIt()
    {
        new RestoreMarker(DeadPid(), "Local", ":1.9", "/Sessions/3", "unix:path=/bus", ColourUndo.None).Write(marker);

        Assert.Equal(0, Run());

        Assert.Equal(["Local"], konsole.SetCalls);
        Assert.Equal(new KonsoleTarget(":1.9", "/Sessions/3", null, "unix:path=/bus"), konsole.Target);
        Assert.False(File.Exists(marker));
        Assert.Contains("nvt: restored profile 'Local'", nvt.Error.ToString(), StringComparison.Ordinal);
        Assert.Equal("", nvt.Output.ToString());
    }

    [Theory]
    [InlineData(ColourUndo.Osc111, "\e]111\a")]
    [InlineData(ColourUndo.KittyPop, "\e]30101\e\\")]
    [InlineData(ColourUndo.XtermPop, "\e[#Q")]
    public void Restore_OscTerminal_WritesTheUndo(ColourUndo undo, string expected)
    {
        new RestoreMarker(DeadPid(), null, null, null, null, undo).Write(marker);

        Run();

        Assert.Equal(expected, nvt.Output.ToString());
        Assert.Empty(konsole.SetCalls);
        Assert.Contains("restored the terminal's background", nvt.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_NvtStillRuns_LeavesEverything()
    {
        using var sleeping = Process.Start("sleep", "30");
        new RestoreMarker(sleeping.Id, "Local", ":1.9", "/Sessions/3", "unix:path=/bus", ColourUndo.None).Write(marker);
        try
        {
            Run();

            Assert.Empty(konsole.SetCalls);
            Assert.True(File.Exists(marker));
        }
        finally
        {
            sleeping.Kill();
        }
    }

    [Fact]
    public void Restore_NoMarker_DoesNothing()
    {
        Assert.Equal(0, Run());

        Assert.Equal("", nvt.Error.ToString());
        Assert.Empty(konsole.SetCalls);
    }

    [Fact]
    public void Restore_KonsoleGone_IsQuietAboutItAndRemovesTheMarker()
    {
        new RestoreMarker(DeadPid(), "Local", ":1.9", "/Sessions/3", "unix:path=/bus", ColourUndo.None).Write(marker);
        konsole.FailConnect = new KonsoleException("gone", DBusErrors.ServiceUnknown);

        Run();

        Assert.False(File.Exists(marker));
    }

    [Fact]
    public void Restore_GarbageInTheHooksMarker_IsRemovedSoThePromptDoesNotRepeat()
    {
        File.WriteAllText(marker, "not a marker\n");

        Assert.Equal(0, Run());

        Assert.False(File.Exists(marker));
        Assert.Contains("was not an nvt restore marker; removed", nvt.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Marker_FormatAndParse_RoundTrip()
    {
        var written = new RestoreMarker(42, "Local Profile", ":1.9", "/Sessions/3", "unix:path=/run/user/0/bus,guid=1", ColourUndo.KittyPop);

        Assert.Equal(written, RestoreMarker.Parse(written.Format()));
        Assert.Null(RestoreMarker.Parse("x\nprofile=Local\n"));
    }

    public void Dispose() => nvt.Dispose();

    private int Run()
    {
        nvt.ResetOutput();
        return ProfilesRestoreCommand.Run(nvt, konsole, null);
    }

    private static int DeadPid()
    {
        using var ended = Process.Start("true");
        ended.WaitForExit();
        return ended.Id;
    }
}
