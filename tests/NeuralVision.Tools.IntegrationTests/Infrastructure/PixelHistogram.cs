namespace NeuralVision.Tools.IntegrationTests.Infrastructure;

/// <summary>
/// The colours of an image and their shares, most frequent first. ImageMagick only decodes the PNG into raw 8-bit
/// RGB (<c>convert IMG -alpha off -depth 8 rgb:FILE</c>); the counting is done here.
/// </summary>
public static class PixelHistogram
{
    public static IReadOnlyList<ColourShare> Of(string image)
    {
        string raw = image + ".rgb";
        try
        {
            var result = ChildProcess.Run(XScreen.ToolPath("convert"), [image, "-alpha", "off", "-depth", "8", "rgb:" + raw],
                timeout: TimeSpan.FromSeconds(20), cleanEnvironment: true, environment: new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" });
            if (result.ExitCode != 0 || !File.Exists(raw))
            {
                throw new InvalidOperationException($"convert {image} to raw RGB failed ({result.ExitCode}): {result.Stderr}");
            }

            return Count(File.ReadAllBytes(raw));
        }
        finally
        {
            File.Delete(raw);
        }
    }

    /// <summary>Counts the pixels of packed 8-bit RGB triples.</summary>
    public static IReadOnlyList<ColourShare> Count(ReadOnlySpan<byte> rgb)
    {
        int pixels = rgb.Length / 3;
        if (pixels == 0)
        {
            return [];
        }

        var counts = new Dictionary<int, int>();
        for (int i = 0; i + 2 < rgb.Length; i += 3)
        {
            int key = (rgb[i] << 16) | (rgb[i + 1] << 8) | rgb[i + 2];
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key)
            .Select(pair => new ColourShare(new RgbColour((byte)(pair.Key >> 16), (byte)(pair.Key >> 8), (byte)pair.Key), (double)pair.Value / pixels))
            .ToList();
    }
}
