using System.Globalization;

namespace NeuralVision.Tools.IntegrationTests.Infrastructure;

/// <summary>A window's place on the X screen.</summary>
public readonly record struct WindowGeometry(int X, int Y, int Width, int Height)
{
    /// <summary>ImageMagick's crop geometry, WxH+X+Y.</summary>
    public string ToCrop() => string.Create(CultureInfo.InvariantCulture, $"{Width}x{Height}+{X}+{Y}");
}
