using System.Security.Cryptography;

namespace NeuralVision.Tools.Keys;

/// <summary>How a private key file is (to be) protected: the bcrypt salt and rounds, or nothing.</summary>
public sealed record KeyEncryption(byte[] Salt, int Rounds)
{
    public const int SaltSize = 16;

    /// <summary>OpenSSH 9.4 and later; 9.2 still uses 16.</summary>
    public const int DefaultRounds = 24;

    public static KeyEncryption Random(int rounds) => new(RandomNumberGenerator.GetBytes(SaltSize), rounds);
}
