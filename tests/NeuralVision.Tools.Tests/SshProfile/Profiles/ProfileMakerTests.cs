using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Settings;
using NeuralVision.Tools.SshProfile.Profiles;

namespace NeuralVision.Tools.Tests.SshProfile.Profiles;

/// <summary>The files `nvt profiles create` writes, compared with what Konsole 22.12 writes (notes/issue15-konsole.md §6).</summary>
public sealed class ProfileMakerTests : IDisposable
{
    private readonly TestContext nvt = new();
    private readonly KonsoleDirectories directories;

    public ProfileMakerTests()
    {
        nvt.Variables["XDG_DATA_DIRS"] = "/usr/share";
        directories = new KonsoleDirectories(nvt.Settings);
        Directory.CreateDirectory(directories.UserDirectory);
        File.WriteAllText(Path.Combine(directories.UserDirectory, "Local.profile"),
            "[Appearance]\nColorScheme=Breeze\nFont=Hack,11\n\n[General]\nCommand=/bin/bash\nName=Local\nParent=FALLBACK/\n");
    }

    [Fact]
    public void Draft_CopiesTheBaseProfileAndNamesItsOwnScheme()
    {
        var draft = Draft(new ProfileRequest("Puffin", new Colour(43, 27, 27)), "Local");

        Assert.Equal(Path.Combine(directories.UserDirectory, "Puffin.profile"), draft.ProfilePath);
        Assert.Equal("[Appearance]\nColorScheme=Puffin\nFont=Hack,11\n\n[General]\nCommand=/bin/bash\nName=Puffin\nParent=FALLBACK/\n", draft.ProfileText);
        Assert.Equal("Local", draft.BaseProfile);
        Assert.Equal("Breeze", draft.BaseScheme);
    }

    [Fact]
    public void Draft_Scheme_IsBreezeWithTheBackgroundAndGeneralAsKonsolesEditorWritesIt()
    {
        var draft = Draft(new ProfileRequest("Puffin", new Colour(43, 27, 27)), "Local");
        var scheme = KonsoleIni.Parse(draft.SchemeText);
        var breeze = KonsoleIni.Parse(File.ReadAllText("/usr/share/konsole/Breeze.colorscheme"));

        Assert.StartsWith("[Background]\nColor=43,27,27\n\n[BackgroundFaint]\nColor=49,54,59\n", draft.SchemeText, StringComparison.Ordinal);
        Assert.Equal(breeze.Get("Color1", "Color"), scheme.Get("Color1", "Color"));
        Assert.EndsWith("[General]\nAnchor=0.5,0.5\nBlur=false\nColorRandomization=false\nDescription=Puffin\nFillStyle=Tile\nOpacity=1\n" +
            "Wallpaper=\nWallpaperFlipType=NoFlip\nWallpaperOpacity=1\n", draft.SchemeText, StringComparison.Ordinal);
        Assert.Equal(new Colour(252, 252, 252), draft.Foreground);
    }

    [Fact]
    public void Draft_Wallpaper_SetsKonsolesWallpaperKeys()
    {
        var draft = Draft(new ProfileRequest("Heron", null, "/img/wall.png", "Stretch", 0.5), "Local");
        var scheme = KonsoleIni.Parse(draft.SchemeText);

        Assert.Equal("/img/wall.png", scheme.Get("General", "Wallpaper"));
        Assert.Equal("Stretch", scheme.Get("General", "FillStyle"));
        Assert.Equal("0.5", scheme.Get("General", "WallpaperOpacity"));
        Assert.Equal("35,38,39", scheme.Get("Background", "Color"));
    }

    [Fact]
    public void Draft_BuiltIn_IsWhatKonsoleWritesForANewProfile()
    {
        var draft = Draft(new ProfileRequest("Fresh", new Colour(1, 2, 3)), KonsoleDirectories.BuiltInProfile);

        Assert.Equal("[Appearance]\nColorScheme=Fresh\n\n[General]\nName=Fresh\nParent=FALLBACK/\n", draft.ProfileText);
        Assert.Null(draft.BaseProfileFile);
    }

    [Fact]
    public void Load_ProfileFoundByItsNameKey_AndSchemeMissingFallsBackToBreeze()
    {
        File.WriteAllText(Path.Combine(directories.UserDirectory, "Profile 1.profile"), "[Appearance]\nColorScheme=Gone\n\n[General]\nName=Work\n");

        var @base = ProfileBase.Load("Work", directories);

        Assert.EndsWith("Profile 1.profile", @base.File, StringComparison.Ordinal);
        Assert.Equal("Breeze", @base.SchemeName);
    }

    [Fact]
    public void Load_NoSuchProfile_NamesTheDirectories()
    {
        var error = Assert.Throws<NvtException>(() => ProfileBase.Load("Nope", directories));

        Assert.Contains($"there is no Konsole profile named 'Nope'", error.Message, StringComparison.Ordinal);
        Assert.Contains(directories.UserDirectory + ", /usr/share/konsole", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_WritesBothFilesMode0600_AndRefusesToReplaceThemWithoutForce()
    {
        var draft = Draft(new ProfileRequest("Puffin", new Colour(43, 27, 27)), "Local");
        ProfileMaker.Write(draft, force: false);

        Assert.Equal(draft.SchemeText, File.ReadAllText(draft.SchemePath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(draft.ProfilePath));
        var error = Assert.Throws<NvtException>(() => ProfileMaker.Write(draft with { SchemeText = "x" }, force: false));
        Assert.Equal(ExitCodes.ProfileExists, error.ExitCode);
        Assert.Equal($"{draft.ProfilePath} exists already (--force replaces it)", error.Message);
        Assert.Equal(draft.SchemeText, File.ReadAllText(draft.SchemePath));

        ProfileMaker.Write(draft with { SchemeText = "x" }, force: true);
        Assert.Equal("x", File.ReadAllText(draft.SchemePath));
    }

    [Fact]
    public void DefaultProfileName_IsKonsolercsEntry()
    {
        Directory.CreateDirectory(Path.Combine(nvt.Home, ".config"));
        File.WriteAllText(Path.Combine(nvt.Home, ".config", "konsolerc"), "[Desktop Entry]\nDefaultProfile=Local.profile\n");

        Assert.Equal("Local", directories.DefaultProfileName());
    }

    public void Dispose() => nvt.Dispose();

    private ProfileDraft Draft(ProfileRequest request, string baseName) =>
        ProfileMaker.Draft(request, ProfileBase.Load(baseName, directories), directories);
}
