using System.Globalization;

namespace NeuralVision.Tools.IntegrationTests.Infrastructure;

/// <summary>
/// The X-side helpers of <see cref="RealKonsole"/>: windows with xdotool, screenshots with ImageMagick's import (what a
/// person sees: unlike xwd -root it also shows modal dialogs), each run with only PATH, HOME and DISPLAY set.
/// </summary>
public static class XScreen
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(20);

    /// <summary>The visible (mapped) windows of process <paramref name="pid"/>, by _NET_WM_PID; empty until mapped.</summary>
    public static IReadOnlyList<string> VisibleWindows(string display, string home, int pid)
    {
        // Without --sync: xdotool would wait without limit; the caller polls with one.
        var result = Run(display, home, "xdotool", "search", "--onlyvisible", "--pid", pid.ToString(CultureInfo.InvariantCulture));
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public static WindowGeometry Geometry(string display, string home, string window)
    {
        var result = Run(display, home, "xdotool", "getwindowgeometry", "--shell", window);
        var values = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.Ordinal);
        if (result.ExitCode != 0 || !values.ContainsKey("WIDTH"))
        {
            throw new InvalidOperationException($"xdotool getwindowgeometry {window} failed ({result.ExitCode}): {result.Stdout}{result.Stderr}");
        }

        int Value(string name) => int.Parse(values[name], CultureInfo.InvariantCulture);
        return new WindowGeometry(Value("X"), Value("Y"), Value("WIDTH"), Value("HEIGHT"));
    }

    /// <summary>The screen as shown, cropped to <paramref name="area"/>, as a PNG file.</summary>
    public static void Capture(string display, string home, WindowGeometry area, string png)
    {
        var result = Run(display, home, "import", "-display", display, "-window", "root", "-crop", area.ToCrop(), "+repage", "png:" + png);
        if (result.ExitCode != 0 || !File.Exists(png))
        {
            throw new InvalidOperationException($"import (screenshot of {display}) failed ({result.ExitCode}): {result.Stderr}");
        }
    }

    public static ProcessResult Run(string display, string home, string tool, params string[] args) =>
        ChildProcess.Run(ToolPath(tool), args, timeout: ToolTimeout, cleanEnvironment: true, environment: new Dictionary<string, string>
        {
            ["PATH"] = "/usr/bin:/bin",
            ["HOME"] = home,
            ["DISPLAY"] = display,
        });

    /// <summary>
    /// The Debian program itself: ImageMagick's convert by full path, because a different convert may come first on
    /// PATH (/usr/local/bin/convert on the development machine is not ImageMagick's).
    /// </summary>
    public static string ToolPath(string tool) => File.Exists("/usr/bin/" + tool) ? "/usr/bin/" + tool : tool;
}
