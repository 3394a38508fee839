using System.Security.Cryptography;

namespace NeuralVision.Tools.Keys;

/// <summary>
/// AES-256 in counter mode (aes256-ctr, the cipher of encrypted openssh-key-v1 files). The BCL has no CTR mode, so the
/// keystream is AES-ECB over the 128-bit big-endian counter that starts at the IV. Encryption and decryption are the
/// same XOR.
/// </summary>
public static class AesCtr
{
    public const int KeySize = 32;
    public const int BlockSize = 16;

    public static byte[] Transform(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input)
    {
        if (key.Length != KeySize || iv.Length != BlockSize)
        {
            throw new ArgumentException("aes256-ctr needs a 32-byte key and a 16-byte IV");
        }

        int blocks = (input.Length + BlockSize - 1) / BlockSize;
        var counters = new byte[blocks * BlockSize];
        Span<byte> counter = stackalloc byte[BlockSize];
        iv.CopyTo(counter);
        for (int block = 0; block < blocks; block++)
        {
            counter.CopyTo(counters.AsSpan(block * BlockSize));
            Increment(counter);
        }

        using var aes = Aes.Create();
        aes.Key = key.ToArray();
        byte[] keystream = aes.EncryptEcb(counters, PaddingMode.None);

        var output = new byte[input.Length];
        for (int i = 0; i < input.Length; i++)
        {
            output[i] = (byte)(input[i] ^ keystream[i]);
        }

        CryptographicOperations.ZeroMemory(keystream);
        return output;
    }

    private static void Increment(Span<byte> counter)
    {
        for (int i = counter.Length - 1; i >= 0; i--)
        {
            if (++counter[i] != 0)
            {
                return;
            }
        }
    }
}
