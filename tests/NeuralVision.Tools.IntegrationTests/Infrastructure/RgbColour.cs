using System.Globalization;

namespace NeuralVision.Tools.IntegrationTests.Infrastructure;

/// <summary>An 8-bit-per-channel colour, written <c>#rrggbb</c> (as OSC 11 and nvt's config take it).</summary>
public readonly record struct RgbColour(byte R, byte G, byte B)
{
    /// <summary>Parses <c>#rrggbb</c> (either case).</summary>
    public static RgbColour Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != 7 || hex[0] != '#' || !int.TryParse(hex.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int value))
        {
            throw new FormatException($"not a #rrggbb colour: '{hex}'");
        }

        return new RgbColour((byte)(value >> 16), (byte)(value >> 8), (byte)value);
    }

    /// <summary>The form Konsole's .colorscheme files use: <c>R,G,B</c> in decimal.</summary>
    public string ToKonsole() => string.Create(CultureInfo.InvariantCulture, $"{R},{G},{B}");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}");
}
