using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace NeuralVision.Tools.Keys;

/// <summary>
/// OpenBSD's bcrypt_pbkdf, the KDF of passphrase-protected openssh-key-v1 files: PBKDF2-like rounds of "bcrypt_hash"
/// (Blowfish's expensive key schedule keyed by two SHA-512 digests), with the output bytes spread across blocks. Neither
/// the BCL nor BouncyCastle has it. Written with pointers over one fixed state because nearly all of the key
/// generation time of an encrypted key is spent here (about 3 million Blowfish block encryptions for 24 rounds).
/// </summary>
public static unsafe class BcryptPbkdf
{
    private const int HashSize = 32;
    private const int Words = HashSize / 4;

    // bcrypt_hash encrypts this text, as in OpenBSD's bcrypt_pbkdf.c.
    private static ReadOnlySpan<byte> MagicText => "OxychromaticBlowfishSwatDynamite"u8;

    public static byte[] DeriveKey(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int rounds, int keyLength)
    {
        if (rounds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rounds), "bcrypt_pbkdf needs at least one round");
        }

        if (password.IsEmpty || salt.IsEmpty || keyLength <= 0 || keyLength > HashSize * HashSize)
        {
            throw new ArgumentException("bcrypt_pbkdf needs a password, a salt and a key length of 1 to 1024 bytes");
        }

        var key = new byte[keyLength];
        int stride = (keyLength + HashSize - 1) / HashSize;
        int amount = (keyLength + stride - 1) / stride;

        Span<byte> sha2pass = stackalloc byte[64];
        SHA512.HashData(password, sha2pass);

        var countSalt = new byte[salt.Length + 4];
        salt.CopyTo(countSalt);
        Span<byte> sha2salt = stackalloc byte[64];
        Span<byte> output = stackalloc byte[HashSize];
        Span<byte> roundOutput = stackalloc byte[HashSize];
        var state = new BlowfishState();

        int remaining = keyLength;
        for (uint count = 1; remaining > 0; count++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(countSalt.AsSpan(salt.Length), count);
            SHA512.HashData(countSalt, sha2salt);
            BcryptHash(ref state, sha2pass, sha2salt, roundOutput);
            roundOutput.CopyTo(output);

            for (int round = 1; round < rounds; round++)
            {
                SHA512.HashData(roundOutput, sha2salt);
                BcryptHash(ref state, sha2pass, sha2salt, roundOutput);
                for (int i = 0; i < HashSize; i++)
                {
                    output[i] ^= roundOutput[i];
                }
            }

            // The "pbkdf2 deviation": block `count` supplies every stride-th byte of the key.
            amount = Math.Min(amount, remaining);
            int written;
            for (written = 0; written < amount; written++)
            {
                int destination = (written * stride) + (int)(count - 1);
                if (destination >= keyLength)
                {
                    break;
                }

                key[destination] = output[written];
            }

            remaining -= written;
        }

        CryptographicOperations.ZeroMemory(sha2pass);
        CryptographicOperations.ZeroMemory(sha2salt);
        CryptographicOperations.ZeroMemory(output);
        CryptographicOperations.ZeroMemory(roundOutput);
        return key;
    }

    private static void BcryptHash(ref BlowfishState state, ReadOnlySpan<byte> sha2pass, ReadOnlySpan<byte> sha2salt, Span<byte> output)
    {
        fixed (uint* p = state.P)
        fixed (uint* s = state.S)
        {
            Initialise(p, s);
            ExpandState(p, s, sha2salt, sha2pass);
            for (int i = 0; i < 64; i++)
            {
                ExpandZeroState(p, s, sha2salt);
                ExpandZeroState(p, s, sha2pass);
            }

            uint* cdata = stackalloc uint[Words];
            int position = 0;
            for (int i = 0; i < Words; i++)
            {
                cdata[i] = StreamToWord(MagicText, ref position);
            }

            for (int i = 0; i < 64; i++)
            {
                for (int block = 0; block < Words; block += 2)
                {
                    ulong result = Encipher(p, s, cdata[block], cdata[block + 1]);
                    cdata[block] = (uint)(result >> 32);
                    cdata[block + 1] = (uint)result;
                }
            }

            // Unlike the rest of Blowfish, bcrypt_hash writes its words little-endian.
            for (int i = 0; i < Words; i++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(output[(4 * i)..], cdata[i]);
            }
        }
    }

    private static void Initialise(uint* p, uint* s)
    {
        BlowfishTables.InitialP.AsSpan().CopyTo(new Span<uint>(p, 18));
        BlowfishTables.InitialS.AsSpan().CopyTo(new Span<uint>(s, 1024));
    }

    /// <summary>The next 4 bytes of <paramref name="data"/> as a big-endian word, wrapping around (Blowfish_stream2word).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint StreamToWord(ReadOnlySpan<byte> data, ref int position)
    {
        uint word = 0;
        for (int i = 0; i < 4; i++)
        {
            if (position >= data.Length)
            {
                position = 0;
            }

            word = (word << 8) | data[position];
            position++;
        }

        return word;
    }

    /// <summary>Blowfish_expandstate: the key schedule with a salt ("data") mixed into every encryption.</summary>
    private static void ExpandState(uint* p, uint* s, ReadOnlySpan<byte> data, ReadOnlySpan<byte> key)
    {
        int position = 0;
        for (int i = 0; i < 18; i++)
        {
            p[i] ^= StreamToWord(key, ref position);
        }

        position = 0;
        uint left = 0;
        uint right = 0;
        for (int i = 0; i < 18; i += 2)
        {
            left ^= StreamToWord(data, ref position);
            right ^= StreamToWord(data, ref position);
            ulong result = Encipher(p, s, left, right);
            left = (uint)(result >> 32);
            right = (uint)result;
            p[i] = left;
            p[i + 1] = right;
        }

        for (int i = 0; i < 1024; i += 2)
        {
            left ^= StreamToWord(data, ref position);
            right ^= StreamToWord(data, ref position);
            ulong result = Encipher(p, s, left, right);
            left = (uint)(result >> 32);
            right = (uint)result;
            s[i] = left;
            s[i + 1] = right;
        }
    }

    /// <summary>Blowfish_expand0state: the plain Blowfish key schedule.</summary>
    private static void ExpandZeroState(uint* p, uint* s, ReadOnlySpan<byte> key)
    {
        int position = 0;
        for (int i = 0; i < 18; i++)
        {
            p[i] ^= StreamToWord(key, ref position);
        }

        uint left = 0;
        uint right = 0;
        for (int i = 0; i < 18; i += 2)
        {
            ulong result = Encipher(p, s, left, right);
            left = (uint)(result >> 32);
            right = (uint)result;
            p[i] = left;
            p[i + 1] = right;
        }

        for (int i = 0; i < 1024; i += 2)
        {
            ulong result = Encipher(p, s, left, right);
            left = (uint)(result >> 32);
            right = (uint)result;
            s[i] = left;
            s[i + 1] = right;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint F(uint* s, uint x) =>
        ((s[x >> 24] + s[0x100 + ((x >> 16) & 0xff)]) ^ s[0x200 + ((x >> 8) & 0xff)]) + s[0x300 + (x & 0xff)];

    /// <summary>One Blowfish block; returns (left &lt;&lt; 32) | right so no caller variable has its address taken.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Encipher(uint* p, uint* s, uint left, uint right)
    {
        uint l = left ^ p[0];
        uint r = right;
        r ^= F(s, l) ^ p[1];
        l ^= F(s, r) ^ p[2];
        r ^= F(s, l) ^ p[3];
        l ^= F(s, r) ^ p[4];
        r ^= F(s, l) ^ p[5];
        l ^= F(s, r) ^ p[6];
        r ^= F(s, l) ^ p[7];
        l ^= F(s, r) ^ p[8];
        r ^= F(s, l) ^ p[9];
        l ^= F(s, r) ^ p[10];
        r ^= F(s, l) ^ p[11];
        l ^= F(s, r) ^ p[12];
        r ^= F(s, l) ^ p[13];
        l ^= F(s, r) ^ p[14];
        r ^= F(s, l) ^ p[15];
        l ^= F(s, r) ^ p[16];
        return ((ulong)(r ^ p[17]) << 32) | l;
    }
}
