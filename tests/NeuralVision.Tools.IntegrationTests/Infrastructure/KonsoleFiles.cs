using System.Text;

namespace NeuralVision.Tools.IntegrationTests.Infrastructure;

/// <summary>
/// The files a test Konsole reads, in the format Konsole 22.12 writes them itself (KConfig ini: groups and keys sorted,
/// colours as decimal <c>R,G,B</c>, mode 0600). Verified on a real Konsole 22.12.3 (notes/issue15-konsole.md §1, §6).
/// </summary>
public static class KonsoleFiles
{
    /// <summary>
    /// QMainWindow::saveState as Konsole 22.12 wrote it, with the visibility byte of mainToolBar (offset 0xC8) and
    /// sessionToolbar (0xF9) set to 0: the only way found to hide the toolbars ("[Toolbar mainToolBar] Hidden=true"
    /// does nothing).
    /// </summary>
    private const string HiddenToolbarsState =
        "AAAA/wAAAAD9AAAAAQAAAAAAAAAAAAAAAPwCAAAAAvsAAAAiAFEAdQBpAGMAawBDAG8AbQBtAGEAbgBkAHMARABvAGMAawAAAAAA/////wAAATcA////" +
        "+wAAABwAUwBTAEgATQBhAG4AYQBnAGUAcgBEAG8AYwBrAAAAAAD/////AAAA5gD///8AAAOIAAAB3gAAAAQAAAAEAAAACAAAAAj8AAAAAQAAAAIAAAAC" +
        "AAAAFgBtAGEAaQBuAFQAbwBvAGwAQgBhAHIAAAAAAP////8AAAAAAAAAAAAAABwAcwBlAHMAcwBpAG8AbgBUAG8AbwBsAGIAYQByAAAAAKD/////AAAA" +
        "AAAAAAA=";

    /// <summary>
    /// Debian's Breeze.colorscheme without [Background] and [General]: the 29 other colour groups, which Konsole copies
    /// byte for byte into a scheme made from Breeze in its editor.
    /// </summary>
    private static readonly (string Group, string Colour)[] BreezeColours =
    [
        ("BackgroundFaint", "49,54,59"), ("BackgroundIntense", "0,0,0"),
        ("Color0", "35,38,39"), ("Color0Faint", "49,54,59"), ("Color0Intense", "127,140,141"),
        ("Color1", "237,21,21"), ("Color1Faint", "120,50,40"), ("Color1Intense", "192,57,43"),
        ("Color2", "17,209,22"), ("Color2Faint", "23,162,98"), ("Color2Intense", "28,220,154"),
        ("Color3", "246,116,0"), ("Color3Faint", "182,86,25"), ("Color3Intense", "253,188,75"),
        ("Color4", "29,153,243"), ("Color4Faint", "27,102,143"), ("Color4Intense", "61,174,233"),
        ("Color5", "155,89,182"), ("Color5Faint", "97,74,115"), ("Color5Intense", "142,68,173"),
        ("Color6", "26,188,156"), ("Color6Faint", "24,108,96"), ("Color6Intense", "22,160,133"),
        ("Color7", "252,252,252"), ("Color7Faint", "99,104,109"), ("Color7Intense", "255,255,255"),
        ("Foreground", "252,252,252"), ("ForegroundFaint", "239,240,241"), ("ForegroundIntense", "255,255,255"),
    ];

    /// <summary>
    /// $XDG_CONFIG_HOME/konsolerc: no first-run state, no menu bar, no toolbars, never a tab bar (also with a second
    /// tab), and no saved geometry, so the window is terminal only.
    /// </summary>
    public static string Konsolerc(string defaultProfile) => $"""
        [Desktop Entry]
        DefaultProfile={defaultProfile}.profile

        [General]
        ConfigVersion=1

        [KonsoleWindow]
        SaveGeometryOnExit=false
        ShowMenuBarByDefault=false

        [MainWindow]
        MenuBar=Disabled
        ToolBarsMovable=Disabled
        State={HiddenToolbarsState}

        [TabBar]
        TabBarVisibility=AlwaysHideTabBar

        """;

    /// <summary>
    /// NAME.profile: a plain bash (no rc files, so the prompt and environment are the same everywhere), 80×24, no
    /// "Size: 80 x 24" popup and no scrollbar, so a cleared tab is background only.
    /// </summary>
    public static string Profile(string name, string colourScheme) => $"""
        [Appearance]
        ColorScheme={colourScheme}

        [General]
        Command=/bin/bash --norc --noprofile
        Name={name}
        Parent=FALLBACK/
        ShowTerminalSizeHint=false
        TerminalColumns=80
        TerminalRows=24

        [Scrolling]
        ScrollBarPosition=2

        """;

    /// <summary>NAME.colorscheme: Breeze with another background, [General] as Konsole 22.12's scheme editor writes it.</summary>
    public static string ColourScheme(string name, RgbColour background)
    {
        var text = new StringBuilder();
        text.Append("[Background]\nColor=").Append(background.ToKonsole()).Append("\n\n");
        foreach (var (group, colour) in BreezeColours)
        {
            text.Append('[').Append(group).Append("]\nColor=").Append(colour).Append("\n\n");
        }

        text.Append($"""
            [General]
            Anchor=0.5,0.5
            Blur=false
            ColorRandomization=false
            Description={name}
            FillStyle=Tile
            Opacity=1
            Wallpaper=
            WallpaperFlipType=NoFlip
            WallpaperOpacity=1

            """);
        return text.ToString();
    }

    /// <summary>Writes NAME.profile and NAME.colorscheme into <paramref name="directory"/>; returns the profile's path.</summary>
    public static string Write(string directory, KonsoleProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        WriteFile(Path.Combine(directory, profile.Name + ".colorscheme"), ColourScheme(profile.Name, profile.Background));
        string path = Path.Combine(directory, profile.Name + ".profile");
        WriteFile(path, Profile(profile.Name, profile.Name));
        return path;
    }

    /// <summary>Writes a file as Konsole does (0600), through a temp file and rename, so Konsole never reads half of it.</summary>
    public static void WriteFile(string path, string contents)
    {
        string temp = path + ".tmp";
        File.WriteAllText(temp, contents);
        File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temp, path, overwrite: true);
    }
}
