namespace NeuralVision.Tools.Keys;

/// <summary>What the user asked `nvt keys gen` for, after parsing.</summary>
/// <param name="Type">"rsa" or "ed25519".</param>
/// <param name="File">The private key file; null for ~/.ssh/id_rsa or ~/.ssh/id_ed25519.</param>
/// <param name="Passphrase">-N; null to ask on the terminal (unless <paramref name="NoPassphrase"/>).</param>
public sealed record KeyGenOptions(
    string Type, int? Bits, string? File, string? Comment, string? Passphrase, bool NoPassphrase, int Rounds, bool Force);
