using NeuralVision.Tools.Platform;
using NeuralVision.Tools.SshProfile.Commands;
using NeuralVision.Tools.SshProfile.Konsole;
using NeuralVision.Tools.Tests.SshProfile.Profiles;

namespace NeuralVision.Tools.Tests.SshProfile;

/// <summary>`nvt profiles create` through the parser (outside Konsole) and with a fake Konsole tab.</summary>
public sealed class ProfilesCreateCommandTests : IDisposable
{
    private readonly TestContext nvt = new(new() { ["XDG_DATA_DIRS"] = "/usr/share" });
    private readonly FakeKonsoleTab konsole = new();
    private readonly string directory;

    public ProfilesCreateCommandTests()
    {
        directory = nvt.MakeDirectory(".local/share/konsole");
        nvt.Variables["XDG_RUNTIME_DIR"] = nvt.MakeDirectory("run");
        File.WriteAllText(Path.Combine(directory, "Local.profile"), "[Appearance]\nColorScheme=Breeze\n\n[General]\nName=Local\nParent=FALLBACK/\n");
    }

    private string ConfigPath => Path.Combine(nvt.Home, ".config", "nvt", "config.toml");

    [Fact]
    public void Create_OutsideKonsole_WritesBothFilesAndTheMapping()
    {
        int status = nvt.RunTopLevel("profiles", "create", "Puffin", "--background", "#2b1b1b", "--host", "puffin");

        Assert.Equal(0, status);
        Assert.Contains("Color=43,27,27", File.ReadAllText(Path.Combine(directory, "Puffin.colorscheme")), StringComparison.Ordinal);
        Assert.Contains("Name=Puffin", File.ReadAllText(Path.Combine(directory, "Puffin.profile")), StringComparison.Ordinal);
        Assert.Equal("[ssh.profiles]\n\"puffin\" = \"Puffin\"\n", File.ReadAllText(ConfigPath));
        Assert.StartsWith($"created profile Puffin: {directory}/Puffin.profile\n", nvt.Output.ToString(), StringComparison.Ordinal);
        Assert.Contains("based on profile Built-in", nvt.Output.ToString(), StringComparison.Ordinal);
        Assert.Equal("", nvt.Error.ToString());
    }

    [Theory]
    [InlineData(new[] { "a/b", "--background", "#000000" }, 2, "nvt: profile name 'a/b' contains '/' (it becomes a file name in Konsole's directory)")]
    [InlineData(new[] { "", "--background", "#000000" }, 2, "nvt: profile name '' is empty")]
    [InlineData(new[] { "..", "--background", "#000000" }, 2, "nvt: profile name '..' contains '..' (it becomes a file name in Konsole's directory)")]
    [InlineData(new[] { "X", "--background", "red" }, 2, "nvt: --background 'red' is not a colour: write it #rrggbb or #rgb (hex digits, e.g. #2b1b1b)")]
    [InlineData(new[] { "X" }, 2, "nvt: nvt profiles create needs --background COLOUR, --image FILE, or both (see 'nvt profiles create --help')")]
    [InlineData(new[] { "X", "--background", "#000", "--fill", "tile" }, 2, "nvt: --fill and --image-opacity are for --image")]
    [InlineData(new[] { "X", "--background", "#000", "--from", "Nope" }, 2, "nvt: there is no Konsole profile named 'Nope'")]
    public void Create_BadInput_OneLineAndNothingWritten(string[] args, int expected, string message)
    {
        int status = nvt.RunTopLevel(["profiles", "create", .. args]);

        Assert.Equal(expected, status);
        Assert.StartsWith(message, nvt.Error.ToString(), StringComparison.Ordinal);
        Assert.Single(nvt.Error.ToString().TrimEnd('\n').Split('\n'));
        Assert.Equal(["Local.profile"], Directory.GetFiles(directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Create_UnreadableImage_RefusedBeforeAnythingIsWritten()
    {
        string text = nvt.MakeFile("notes.png");

        Assert.Equal(2, nvt.RunTopLevel("profiles", "create", "Heron", "--image", text, "--host", "heron"));

        Assert.Equal($"nvt: the image {text} is not a PNG, JPEG, GIF or BMP image\n", nvt.Error.ToString());
        Assert.False(File.Exists(Path.Combine(directory, "Heron.profile")));
        Assert.False(File.Exists(ConfigPath));
    }

    [Fact]
    public void Create_ConfigThatDoesNotParse_NothingWrittenAndTheFileKept()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ConfigPath)!);
        File.WriteAllText(ConfigPath, "[ssh\n");

        Assert.Equal(2, nvt.RunTopLevel("profiles", "create", "Puffin", "--background", "#2b1b1b", "--host", "puffin"));

        Assert.StartsWith($"nvt: {ConfigPath}:1:", nvt.Error.ToString(), StringComparison.Ordinal);
        Assert.Equal("[ssh\n", File.ReadAllText(ConfigPath));
        Assert.False(File.Exists(Path.Combine(directory, "Puffin.profile")));
    }

    [Fact]
    public void Create_Exists_Exit1UnlessForce()
    {
        Assert.Equal(0, nvt.RunTopLevel("profiles", "create", "Puffin", "--background", "#2b1b1b"));

        Assert.Equal(ExitCodes.ProfileExists, nvt.RunTopLevel("profiles", "create", "Puffin", "--background", "#000000"));
        Assert.Equal($"nvt: {directory}/Puffin.profile exists already (--force replaces it)\n", nvt.Error.ToString());

        Assert.Equal(0, nvt.RunTopLevel("profiles", "create", "Puffin", "--background", "#000000", "--force"));
        Assert.Contains("Color=0,0,0", File.ReadAllText(Path.Combine(directory, "Puffin.colorscheme")), StringComparison.Ordinal);
        Assert.StartsWith("replaced profile Puffin", nvt.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Image_WritesItsAbsolutePathAndKonsolesSettings()
    {
        string image = Path.Combine(nvt.Home, "wall.png");
        File.WriteAllBytes(image, WallpaperImageTests.TinyPng);

        Assert.Equal(0, nvt.RunTopLevel("profiles", "create", "Heron", "--image", "wall.png", "--fill", "STRETCH", "--image-opacity", "0.5"));

        string scheme = File.ReadAllText(Path.Combine(directory, "Heron.colorscheme"));
        Assert.Contains($"Wallpaper={image}\n", scheme, StringComparison.Ordinal);
        Assert.Contains("FillStyle=Stretch\n", scheme, StringComparison.Ordinal);
        Assert.Contains("WallpaperOpacity=0.5\n", scheme, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_LowContrast_Warns()
    {
        Assert.Equal(0, nvt.RunTopLevel("profiles", "create", "Pale", "--background", "#eeeeee"));

        Assert.Contains("has a contrast of only 1.", nvt.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_InKonsole_CopiesTheTabsProfileAndLoadsTheNewOne()
    {
        InKonsole();
        konsole.Current = "Local";

        int status = ProfilesCreateCommand.Run(nvt, konsole, new CreateOptions("Gull", "#0a2846"));

        Assert.Equal(0, status);
        Assert.Contains($"based on profile Local ({directory}/Local.profile)", nvt.Output.ToString(), StringComparison.Ordinal);
        Assert.Equal([Path.Combine(directory, "Gull.profile")], konsole.LoadCalls);
        Assert.Contains("loaded into this Konsole", nvt.Output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Gull", konsole.Profiles);
    }

    [Fact]
    public void Create_InKonsoleProfileHasNoName_CopiesTheDefaultProfile()
    {
        InKonsole();
        konsole.Current = "";
        konsole.DefaultProfile = "Local";

        ProfilesCreateCommand.Run(nvt, konsole, new CreateOptions("Tern", "#102030"));

        Assert.Contains("based on profile Local", nvt.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_InKonsoleAlreadyLoaded_SaysWhenTheChangeShows()
    {
        InKonsole();
        File.WriteAllText(Path.Combine(directory, "Puffin.profile"), "[General]\nName=Puffin\n");

        ProfilesCreateCommand.Run(nvt, konsole, new CreateOptions("Puffin", "#000000", Force: true));

        Assert.Empty(konsole.LoadCalls);
        Assert.Contains("its new colours show from the next switch to it", nvt.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_InKonsoleLoadFails_Warns()
    {
        InKonsole();
        konsole.FailLoad = new KonsoleException("CommandLine: org.freedesktop.DBus.Error.UnknownObject: No such object path '/org/kde/konsole'", DBusErrors.UnknownObject);

        Assert.Equal(0, ProfilesCreateCommand.Run(nvt, konsole, new CreateOptions("Gull", "#0a2846")));

        Assert.Contains("Konsole could not be asked to load", nvt.Error.ToString(), StringComparison.Ordinal);
        Assert.Contains("`nvt ssh` shows its colours with an escape sequence", nvt.Error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => nvt.Dispose();

    private void InKonsole()
    {
        nvt.Variables["KONSOLE_DBUS_SERVICE"] = ":1.42";
        nvt.Variables["KONSOLE_DBUS_SESSION"] = "/Sessions/1";
        nvt.Variables["KONSOLE_DBUS_WINDOW"] = "/Windows/1";
        nvt.Variables["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent";
    }
}
