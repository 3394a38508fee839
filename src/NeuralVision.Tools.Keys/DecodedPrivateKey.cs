namespace NeuralVision.Tools.Keys;

/// <summary>What a private key file holds once decrypted.</summary>
public sealed record DecodedPrivateKey(SshPrivateKey Key, string Comment, uint CheckInt, KeyEncryption? Encryption);
