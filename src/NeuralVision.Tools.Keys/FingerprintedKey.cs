namespace NeuralVision.Tools.Keys;

/// <summary>A key found in a file and the comment ssh-keygen -l shows with it, as raw bytes; null shows as "no comment".</summary>
public sealed record FingerprintedKey(SshPublicKey Key, byte[]? Comment);
