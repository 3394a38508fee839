using System.Globalization;

namespace NeuralVision.Tools.SshProfile.Profiles;

/// <summary>
/// An 8-bit-per-channel colour: <c>#rrggbb</c> for people and OSC 11, <c>R,G,B</c> in decimal for Konsole's
/// .colorscheme files, and the WCAG contrast arithmetic that keeps generated backgrounds readable.
/// </summary>
public readonly record struct Colour(byte R, byte G, byte B)
{
    /// <summary>What an error about a colour says it accepts.</summary>
    public const string AcceptedForms = "#rrggbb or #rgb (hex digits, e.g. #2b1b1b)";

    /// <summary>Parses <c>#rrggbb</c> or the short <c>#rgb</c> (either case); null for anything else.</summary>
    public static Colour? TryParse(string? text)
    {
        if (text is not { Length: 4 or 7 } || text[0] != '#'
            || !int.TryParse(text.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int value))
        {
            return null;
        }

        if (text.Length == 4)
        {
            // #abc is #aabbcc, as in CSS.
            return new Colour((byte)((value >> 8) * 17), (byte)(((value >> 4) & 0xf) * 17), (byte)((value & 0xf) * 17));
        }

        return new Colour((byte)(value >> 16), (byte)(value >> 8), (byte)value);
    }

    /// <summary>Konsole's <c>R,G,B</c> (decimal, as its .colorscheme files hold colours); null when it is not that.</summary>
    public static Colour? TryParseKonsole(string? text)
    {
        string[] parts = (text ?? "").Split(',');
        if (parts.Length < 3)
        {
            return null;
        }

        // A fourth part is alpha, which nvt does not use.
        return byte.TryParse(parts[0].Trim(), CultureInfo.InvariantCulture, out byte r)
            && byte.TryParse(parts[1].Trim(), CultureInfo.InvariantCulture, out byte g)
            && byte.TryParse(parts[2].Trim(), CultureInfo.InvariantCulture, out byte b)
            ? new Colour(r, g, b)
            : null;
    }

    /// <summary>From hue (degrees), saturation and lightness (0–1).</summary>
    public static Colour FromHsl(double hue, double saturation, double lightness)
    {
        double chroma = (1 - Math.Abs((2 * lightness) - 1)) * saturation;
        double sector = (hue % 360) / 60;
        double x = chroma * (1 - Math.Abs((sector % 2) - 1));
        (double r, double g, double b) = (int)sector switch
        {
            0 => (chroma, x, 0.0),
            1 => (x, chroma, 0.0),
            2 => (0.0, chroma, x),
            3 => (0.0, x, chroma),
            4 => (x, 0.0, chroma),
            _ => (chroma, 0.0, x),
        };
        double m = lightness - (chroma / 2);
        return new Colour(Channel(r + m), Channel(g + m), Channel(b + m));
    }

    /// <summary>WCAG 2 relative luminance, 0 (black) to 1 (white).</summary>
    public double Luminance => (0.2126 * Linear(R)) + (0.7152 * Linear(G)) + (0.0722 * Linear(B));

    /// <summary>WCAG 2 contrast ratio, 1 to 21; 7 is the "AAA" level for normal text.</summary>
    public double ContrastWith(Colour other)
    {
        var (lighter, darker) = Luminance > other.Luminance ? (Luminance, other.Luminance) : (other.Luminance, Luminance);
        return (lighter + 0.05) / (darker + 0.05);
    }

    /// <summary>The form Konsole's .colorscheme files use: <c>R,G,B</c> in decimal.</summary>
    public string ToKonsole() => string.Create(CultureInfo.InvariantCulture, $"{R},{G},{B}");

    /// <summary><c>#rrggbb</c>, lower case.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}");

    private static byte Channel(double value) => (byte)Math.Clamp(Math.Round(value * 255), 0, 255);

    private static double Linear(byte channel)
    {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
