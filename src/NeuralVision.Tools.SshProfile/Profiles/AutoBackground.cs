using System.Text;

namespace NeuralVision.Tools.SshProfile.Profiles;

/// <summary>
/// `[ssh] auto_background`: a background colour for a host nothing else maps, the same for the same name on every
/// machine (a hash of the name, not a random or stored choice), dark, and readable with the foreground it will be
/// shown with: the lightness is lowered until the WCAG contrast is at least <see cref="MinimumContrast"/>.
/// </summary>
public static class AutoBackground
{
    /// <summary>WCAG's "AAA" contrast for normal text.</summary>
    public const double MinimumContrast = 7;

    /// <summary>The foreground assumed outside Konsole, where nvt cannot read the terminal's colours: a light grey.</summary>
    public static Colour AssumedForeground => new(0xc0, 0xc0, 0xc0);

    private const double Saturation = 0.45;
    private const double StartLightness = 0.17;

    /// <summary>The colour for <paramref name="host"/> (compared ignoring case, like host names).</summary>
    public static AutoColour For(string host, Colour foreground)
    {
        ArgumentNullException.ThrowIfNull(host);
        int hue = (int)(Fnv1a(host.ToLowerInvariant()) % 360);
        // A dark foreground (a light colour scheme) cannot be read on a dark background: then the tint is light.
        bool light = foreground.Luminance < 0.18;
        double lightness = light ? 0.85 : StartLightness;
        var colour = Colour.FromHsl(hue, Saturation, lightness);
        while (colour.ContrastWith(foreground) < MinimumContrast && lightness is > 0.02 and < 0.98)
        {
            lightness += light ? 0.01 : -0.01;
            colour = Colour.FromHsl(hue, Saturation, lightness);
        }

        return new AutoColour(colour, hue, foreground, colour.ContrastWith(foreground));
    }

    /// <summary>The name of the profile nvt generates in Konsole for a background colour.</summary>
    public static string ProfileName(Colour background) => "nvt-" + background.ToString()[1..];

    /// <summary>FNV-1a, 32 bits: small, stable across runs and machines (string.GetHashCode is randomised per process).</summary>
    private static uint Fnv1a(string text)
    {
        uint hash = 2166136261;
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619;
        }

        return hash;
    }
}
