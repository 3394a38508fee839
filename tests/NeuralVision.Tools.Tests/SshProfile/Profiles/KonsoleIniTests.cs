using NeuralVision.Tools.SshProfile.Profiles;

namespace NeuralVision.Tools.Tests.SshProfile.Profiles;

public sealed class KonsoleIniTests
{
    /// <summary>Local.profile as Konsole 22.12 rewrote it after an edit (notes/issue15-konsole.md §6), byte for byte.</summary>
    private const string KonsoleWrote = "[Appearance]\nColorScheme=Written\n\n[General]\nCommand=/bin/bash --norc --noprofile\nName=Local\n" +
        "Parent=FALLBACK/\nShowTerminalSizeHint=false\nTerminalColumns=80\nTerminalRows=24\n\n[Scrolling]\nScrollBarPosition=2\n";

    [Fact]
    public void ToString_OfAFileKonsoleWrote_IsTheSameBytes()
    {
        Assert.Equal(KonsoleWrote, KonsoleIni.Parse(KonsoleWrote).ToString());
    }

    [Fact]
    public void ToString_SortsGroupsAndKeysAsKConfigDoes()
    {
        var ini = KonsoleIni.Parse("[General]\nParent=FALLBACK/\nName=Fresh\n# a comment\n");
        ini.Set("Appearance", "ColorScheme", "Fresh");

        Assert.Equal("[Appearance]\nColorScheme=Fresh\n\n[General]\nName=Fresh\nParent=FALLBACK/\n", ini.ToString());
    }

    [Fact]
    public void Set_EscapesAsKConfig_AndGetReturnsTheRawValue()
    {
        var ini = new KonsoleIni();
        ini.Set("General", "Wallpaper", " /a\\b\n");

        Assert.Equal("\\s/a\\\\b\\n", ini.Get("General", "Wallpaper"));
    }

    [Fact]
    public void SetDefault_KeepsAValueThatIsThere()
    {
        var ini = KonsoleIni.Parse("[General]\nFillStyle=Stretch\n");
        ini.SetDefault("General", "FillStyle", "Tile");
        ini.SetDefault("General", "Opacity", "1");

        Assert.Equal("Stretch", ini.Get("General", "FillStyle"));
        Assert.Equal("1", ini.Get("General", "Opacity"));
    }

    [Fact]
    public void Parse_ValuesWithEqualsSignsAndSpaces()
    {
        var ini = KonsoleIni.Parse("[General]\n Environment = TERM=xterm-256color,COLORTERM=truecolor \n");

        Assert.Equal("TERM=xterm-256color,COLORTERM=truecolor", ini.Get("General", "Environment"));
    }
}
