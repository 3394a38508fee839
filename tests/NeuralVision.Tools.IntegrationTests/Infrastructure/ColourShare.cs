using System.Globalization;

namespace NeuralVision.Tools.IntegrationTests.Infrastructure;

/// <summary>A colour and the fraction (0–1) of an image's pixels that have it.</summary>
public sealed record ColourShare(RgbColour Colour, double Share)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Colour} {Share:0.000}");
}
