namespace NeuralVision.Tools.IntegrationTests.Infrastructure;

/// <summary>What <see cref="RealKonsole.StartAsync"/> sets up before Konsole starts.</summary>
public sealed record RealKonsoleOptions
{
    /// <summary>The profile the tab starts with (and konsolerc's DefaultProfile).</summary>
    public KonsoleProfile StartProfile { get; init; } = new("Local", "#303030");

    /// <summary>
    /// More profiles written before Konsole starts, so Konsole has loaded them and setProfile finds them. (A profile
    /// written after the start is only found after <see cref="RealKonsole.LoadProfileAsync"/>.)
    /// </summary>
    public IReadOnlyList<KonsoleProfile> OtherProfiles { get; init; } = [];

    /// <summary>The limit for each start-up step (X server, bus, Konsole on D-Bus, the shell in the tab).</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
