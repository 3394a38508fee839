using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Konsole;

/// <summary>
/// One real Konsole shared by a test class (xunit class fixture): the tab starts in "Local" (dark grey), and "Puffin"
/// (dark red, the colour nvt's examples give puffin) is loaded too. Tests change the tab, so each starts with
/// <see cref="RealKonsole.ResetAsync"/>; a test that writes a profile after the start uses a name of its own, since
/// Konsole keeps every profile it has loaded.
/// </summary>
public sealed class LocalKonsoleFixture : IAsyncLifetime
{
    public static readonly KonsoleProfile Local = new("Local", "#303030");
    public static readonly KonsoleProfile Puffin = new("Puffin", "#2b1b1b");

    private RealKonsole? konsole;

    public RealKonsole Konsole => konsole ?? throw new InvalidOperationException("the Konsole fixture did not start");

    public async Task InitializeAsync() =>
        konsole = await RealKonsole.StartAsync(new RealKonsoleOptions { StartProfile = Local, OtherProfiles = [Puffin] });

    public Task DisposeAsync()
    {
        konsole?.Dispose();
        return Task.CompletedTask;
    }
}
