namespace NeuralVision.Tools.Keys;

/// <summary>A checked `nvt keys gen`: what to generate and where to write it (see <see cref="KeyGeneration.Plan"/>).</summary>
/// <param name="DisplayPath">The path as the user gave it (or ~/.ssh/id_*), for messages.</param>
/// <param name="Path">The absolute path of the private key; the public key goes to Path.pub.</param>
/// <param name="CreateSshDirectory">The key's directory is ~/.ssh and does not exist yet.</param>
/// <param name="Overwrite">A file is already there.</param>
public sealed record KeyGenPlan(
    KeyGenOptions Options, bool Ed25519, int Bits, string DisplayPath, string Path, string Directory, bool CreateSshDirectory, bool Overwrite);
