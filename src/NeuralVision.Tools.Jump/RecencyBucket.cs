namespace NeuralVision.Tools.Jump;

/// <summary>One age range of the score: its factor and a name such as "under a day".</summary>
public sealed record RecencyBucket(double Factor, string Name);
