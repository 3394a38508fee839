using NeuralVision.Tools.Platform.OpenSsh;
using NeuralVision.Tools.SshProfile;
using NeuralVision.Tools.SshProfile.Config;

namespace NeuralVision.Tools.Tests.SshProfile;

public class ProfileChooserTests
{
    private static readonly SshConfig Config = new()
    {
        DefaultProfile = "Default",
        Profiles = new()
        {
            ["puffin"] = "Puffin",
            ["*.prod.example.com"] = "Danger",
            ["db*"] = "Database",
            ["root@*"] = "Root",
        },
        Backgrounds = new() { ["*.prod.example.com"] = "#330000", ["puffin"] = "#2b1b1b" },
    };

    private static readonly string[] Konsole = ["Local", "Puffin", "Danger", "Lab", "Default"];

    [Theory]
    [InlineData("puffin", null, null, "Puffin")]
    [InlineData("PUFFIN", null, null, "Puffin")]
    [InlineData("db1.prod.example.com", null, null, "Danger")] // first match in file order, before "db*"
    [InlineData("db1", null, null, "Database")]
    [InlineData("short", "web.prod.example.com", null, "Danger")] // matched through ssh -G's HostName
    [InlineData("lab", null, null, "Lab")] // a Konsole profile named like the alias
    [InlineData("box", null, "root", "Root")] // a pattern with '@' matches USER@HOST
    [InlineData("box", null, null, "Default")]
    public void Choose(string alias, string? hostName, string? user, string expected)
    {
        var choice = ProfileChooser.Choose(null, Config, new HostIdentity(alias, hostName, user), Konsole);

        Assert.Equal(expected, choice?.Name);
    }

    [Fact]
    public void Choose_ForcedProfile_Wins()
    {
        var choice = ProfileChooser.Choose("Lab", Config, new HostIdentity("puffin", null, null), Konsole);

        Assert.Equal(new ProfileChoice("Lab", "--profile"), choice);
    }

    [Fact]
    public void Choose_NothingConfigured_NoSwitch()
    {
        Assert.Null(ProfileChooser.Choose(null, null, new HostIdentity("box", null, null), null));
    }

    [Fact]
    public void Choose_AliasProfileBeatsDefault_ButNotConfiguredPatterns()
    {
        var config = new SshConfig { DefaultProfile = "Default", Profiles = new() { ["lab"] = "Puffin" } };

        Assert.Equal("Puffin", ProfileChooser.Choose(null, config, new HostIdentity("lab", null, null), Konsole)?.Name);
        Assert.Equal("lab.LOCAL", ProfileChooser.Choose(null, config, new HostIdentity("LAB.local", null, null), ["lab.LOCAL"])?.Name);
    }

    [Theory]
    [InlineData("puffin", null, "#2b1b1b")]
    [InlineData("x", "a.prod.example.com", "#330000")]
    [InlineData("x", null, null)]
    public void ChooseBackground(string alias, string? hostName, string? expected)
    {
        Assert.Equal(expected, ProfileChooser.ChooseBackground(Config, new HostIdentity(alias, hostName, null)));
    }

    [Fact]
    public void ResolvedHost_Parse_ReadsHostNameUserAndPort()
    {
        var resolved = ResolvedHost.Parse("user bob\nhostname db1.example.com\nport 2222\nhostname ignored\nidentityfile ~/.ssh/id_rsa\n");

        Assert.Equal(new ResolvedHost("db1.example.com", "bob", 2222), resolved);
    }
}
