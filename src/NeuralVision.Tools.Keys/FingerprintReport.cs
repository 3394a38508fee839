namespace NeuralVision.Tools.Keys;

/// <summary>What ssh-keygen -l would show for a file: the keys in order, and lines for stderr (skipped lines, warnings).</summary>
public sealed record FingerprintReport(IReadOnlyList<FingerprintedKey> Keys, IReadOnlyList<string> Notes);
