using NeuralVision.Tools.Keys.Copy;
using NeuralVision.Tools.Platform.Settings;

namespace NeuralVision.Tools.Tests.Keys.Copy;

/// <summary>OpenSSH readpass.c's rules for when SSH_ASKPASS replaces the terminal.</summary>
public sealed class AskpassPolicyTests
{
    private static string? Decide(bool terminal, params (string Name, string Value)[] variables) =>
        AskpassPolicy.Program(new NvtSettings(new TestEnvironment(variables.ToDictionary(v => v.Name, v => v.Value), "/")), terminal);

    [Fact]
    public void Force_UsesAskpassEvenOnATerminalAndWithoutDisplay()
    {
        Assert.Equal("/bin/ap", Decide(true, ("SSH_ASKPASS", "/bin/ap"), ("SSH_ASKPASS_REQUIRE", "force")));
    }

    [Fact]
    public void Terminal_WinsWithoutForce()
    {
        Assert.Null(Decide(true, ("SSH_ASKPASS", "/bin/ap"), ("DISPLAY", ":0")));
    }

    [Fact]
    public void NoTerminal_UsesAskpassOnlyWithADisplay()
    {
        Assert.Equal("/bin/ap", Decide(false, ("SSH_ASKPASS", "/bin/ap"), ("DISPLAY", ":0")));
        Assert.Equal("/bin/ap", Decide(false, ("SSH_ASKPASS", "/bin/ap"), ("WAYLAND_DISPLAY", "wayland-0")));
        Assert.Null(Decide(false, ("SSH_ASKPASS", "/bin/ap")));
    }

    [Fact]
    public void Prefer_UsesAskpassOnATerminalWhenADisplayIsSet()
    {
        Assert.Equal("/bin/ap", Decide(true, ("SSH_ASKPASS", "/bin/ap"), ("SSH_ASKPASS_REQUIRE", "prefer"), ("DISPLAY", ":0")));
        Assert.Null(Decide(true, ("SSH_ASKPASS", "/bin/ap"), ("SSH_ASKPASS_REQUIRE", "prefer")));
    }

    [Fact]
    public void Never_NeverUsesAskpass()
    {
        Assert.Null(Decide(false, ("SSH_ASKPASS", "/bin/ap"), ("SSH_ASKPASS_REQUIRE", "never"), ("DISPLAY", ":0")));
    }

    [Fact]
    public void WithoutSshAskpass_TheDefaultProgramIsUsed()
    {
        Assert.Equal(AskpassPolicy.DefaultProgram, Decide(false, ("DISPLAY", ":0")));
    }
}
