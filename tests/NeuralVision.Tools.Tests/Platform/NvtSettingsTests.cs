using NeuralVision.Tools.Jump;
using NeuralVision.Tools.Platform.Settings;

namespace NeuralVision.Tools.Tests.Platform;

public class NvtSettingsTests
{
    [Fact]
    public void DataDirectory_Defaults_FollowXdg()
    {
        Assert.Equal("/home/u/.local/share/nvt", Settings(("HOME", "/home/u")).DataDirectory);
        Assert.Equal("/xdg/nvt", Settings(("HOME", "/home/u"), ("XDG_DATA_HOME", "/xdg/")).DataDirectory);
        Assert.Equal("/home/u/.local/share/nvt", Settings(("HOME", "/home/u"), ("XDG_DATA_HOME", "relative")).DataDirectory);
        Assert.Equal("/custom/nvt.db", Settings(("HOME", "/home/u"), ("NVT_DATA_DIR", "/custom")).DatabasePath);
    }

    [Theory]
    [InlineData("NVT_DATA_DIR", "relative/dir")]
    [InlineData("NVT_MAXAGE", "lots")]
    [InlineData("NVT_MAXAGE", "0")]
    [InlineData("NVT_MAXAGE", "NaN")]
    [InlineData("NVT_RESOLVE_SYMLINKS", "maybe")]
    [InlineData("NVT_EXCLUDE_DIRS", "/a[b")]
    public void Accessor_BadValue_ErrorNamesTheVariable(string name, string value)
    {
        var settings = Settings(("HOME", "/home/u"), (name, value));

        var error = Assert.Throws<ConfigException>(() =>
        {
            _ = settings.DataDirectory;
            _ = settings.MaxAge;
            _ = settings.ResolveSymlinks;
            _ = ExcludeList.FromSettings(settings);
        });

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Home_Missing_ErrorNamesHome()
    {
        var error = Assert.Throws<ConfigException>(() => Settings().DataDirectory);
        Assert.Contains("HOME", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxAge_DefaultAndOverride()
    {
        Assert.Equal(10_000, Settings(("HOME", "/h")).MaxAge);
        Assert.Equal(500, Settings(("HOME", "/h"), ("NVT_MAXAGE", "500")).MaxAge);
    }

    [Fact]
    public void ExcludeDirs_SetButEmpty_ExcludesNothing()
    {
        Assert.True(ExcludeList.FromSettings(Settings(("HOME", "/h"))).IsExcluded("/h"));
        Assert.False(ExcludeList.FromSettings(Settings(("HOME", "/h"), ("NVT_EXCLUDE_DIRS", ""))).IsExcluded("/h"));
    }

    [Theory]
    [InlineData(null, null, "/home/u/.config/nvt/config.toml")]
    [InlineData(null, "/xdg", "/xdg/nvt/config.toml")]
    [InlineData(null, "relative", "/home/u/.config/nvt/config.toml")] // the XDG spec: ignore a relative value
    [InlineData("/etc/nvt.toml", "/xdg", "/etc/nvt.toml")]
    public void ConfigFile_Location(string? nvtConfig, string? xdg, string expected)
    {
        var variables = new Dictionary<string, string> { ["HOME"] = "/home/u" };
        if (nvtConfig is not null)
        {
            variables["NVT_CONFIG"] = nvtConfig;
        }

        if (xdg is not null)
        {
            variables["XDG_CONFIG_HOME"] = xdg;
        }

        Assert.Equal(expected, new NvtSettings(new TestEnvironment(variables, "/")).ConfigFile);
    }

    [Fact]
    public void ConfigFile_RelativeNvtConfig_IsAnErrorNamingTheVariable()
    {
        var environment = new TestEnvironment(new() { ["HOME"] = "/home/u", ["NVT_CONFIG"] = "nvt.toml" }, "/");

        var error = Assert.Throws<ConfigException>(() => new NvtSettings(environment).ConfigFile);

        Assert.Contains("NVT_CONFIG", error.Message, StringComparison.Ordinal);
    }

    private static NvtSettings Settings(params (string Name, string Value)[] variables) =>
        new(new TestEnvironment(variables.ToDictionary(v => v.Name, v => v.Value), "/"));
}
