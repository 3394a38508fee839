using NeuralVision.Tools.Platform.Settings;
using NeuralVision.Tools.SshProfile.Config;

namespace NeuralVision.Tools.Tests.SshProfile;

public class NvtConfigFileTests
{
    [Fact]
    public void Parse_ReadsTheSshTablesInFileOrder()
    {
        var config = NvtConfigFile.Parse("""
            # nvt configuration
            [ssh]
            default_profile = "Default"

            [ssh.profiles]
            "zeta" = "Z"
            "*.prod.example.com" = "Danger"
            alpha = "A"
            "web?" = 'Literal'

            [ssh.backgrounds]
            "puffin" = "#2b1b1b"

            [jump]
            anything = [1, 2, 3]
            """, "config.toml");

        Assert.Equal("Default", config.Ssh!.DefaultProfile);
        Assert.Equal(["zeta", "*.prod.example.com", "alpha", "web?"], config.Ssh.Profiles!.Keys);
        Assert.Equal(["Z", "Danger", "A", "Literal"], config.Ssh.Profiles.Values);
        Assert.Equal("#2b1b1b", config.Ssh.Backgrounds!["puffin"]);
    }

    [Fact]
    public void Parse_EmptyFile_IsAnEmptyConfiguration()
    {
        var config = NvtConfigFile.Parse("", "config.toml");

        Assert.Null(config.Ssh);
    }

    [Theory]
    [InlineData("[ssh.profiles\n\"a\" = \"b\"\n", 1)]
    [InlineData("[ssh.profiles]\n\"puffin\" = \n", 2)]
    [InlineData("[ssh]\ndefault_profile = \"x\"\ndefault_profile = \"y\"\n", 3)]
    public void Parse_SyntaxError_NamesFileLineAndColumn(string toml, int line)
    {
        var error = Assert.Throws<ConfigException>(() => NvtConfigFile.Parse(toml, "/home/u/.config/nvt/config.toml"));

        Assert.Matches($@"^/home/u/\.config/nvt/config\.toml:{line}:\d+: [A-Z]", error.Message);
        Assert.DoesNotContain(": error :", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongValueType_IsAnError()
    {
        var error = Assert.Throws<ConfigException>(() => NvtConfigFile.Parse("[ssh.profiles]\npuffin = 3\n", "c.toml"));

        Assert.StartsWith("c.toml", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("red")]
    [InlineData("#12345")]
    [InlineData("#12345g")]
    public void Parse_BadBackground_IsAnError(string colour)
    {
        var error = Assert.Throws<ConfigException>(() => NvtConfigFile.Parse($"[ssh.backgrounds]\npuffin = \"{colour}\"\n", "c.toml"));

        Assert.Contains("#rrggbb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_IsAnEmptyConfiguration()
    {
        using var temp = new TempDirectory();

        Assert.Null(NvtConfigFile.Load(Path.Combine(temp.Path, "nvt", "config.toml")).Ssh);
    }
}
