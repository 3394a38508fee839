namespace NeuralVision.Tools.Tests.Fakes;

/// <summary>A clock that says what it is told.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
