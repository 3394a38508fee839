namespace NeuralVision.Tools.Keys;

/// <summary>The clear part of an openssh-key-v1 file: cipher, KDF, public key, and the (possibly encrypted) private section.</summary>
/// <param name="Unsupported">Why the private section cannot be decrypted (another cipher or KDF), or null when it can.</param>
internal sealed record OpenSshKeyHeader(string Cipher, KeyEncryption? Encryption, byte[] PublicBlob, byte[] PrivateSection, string? Unsupported);
