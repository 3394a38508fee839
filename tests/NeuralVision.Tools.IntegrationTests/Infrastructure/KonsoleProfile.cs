namespace NeuralVision.Tools.IntegrationTests.Infrastructure;

/// <summary>
/// A test profile for <see cref="RealKonsole"/>: NAME.profile with <c>ColorScheme=NAME</c>, and NAME.colorscheme,
/// Debian's Breeze with this background colour (see <see cref="KonsoleFiles"/>).
/// </summary>
public sealed record KonsoleProfile(string Name, RgbColour Background)
{
    public KonsoleProfile(string name, string background)
        : this(name, RgbColour.Parse(background))
    {
    }
}
