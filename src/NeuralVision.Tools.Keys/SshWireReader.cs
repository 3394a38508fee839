using System.Buffers.Binary;
using System.Text;

namespace NeuralVision.Tools.Keys;

/// <summary>Reads SSH wire-format data; any overrun becomes a <see cref="KeyFormatException"/>.</summary>
public ref struct SshWireReader
{
    private const int MaxBignumBytes = 2048;

    private readonly ReadOnlySpan<byte> data;
    private int position;

    public SshWireReader(ReadOnlySpan<byte> data)
    {
        this.data = data;
        position = 0;
    }

    public readonly int Remaining => data.Length - position;

    public readonly ReadOnlySpan<byte> Rest => data[position..];

    public uint ReadUInt32()
    {
        var bytes = ReadRaw(4);
        return BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    public byte ReadByte() => ReadRaw(1)[0];

    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64BigEndian(ReadRaw(8));

    /// <summary>
    /// An mpint as OpenSSH's sshbuf_get_bignum2 takes it: no negative number, at most 16384 bits (2048 bytes, plus a
    /// leading zero byte), needless leading zeros allowed and dropped. Unsigned big-endian, no leading zeros.
    /// </summary>
    public ReadOnlySpan<byte> ReadBignum()
    {
        var bytes = ReadString();
        if (bytes.Length > 0 && (bytes[0] & 0x80) != 0)
        {
            throw new KeyFormatException("the key holds a negative number");
        }

        if (bytes.Length > MaxBignumBytes + 1 || (bytes.Length == MaxBignumBytes + 1 && bytes[0] != 0))
        {
            throw new KeyFormatException("the key holds a number of more than 16384 bits");
        }

        return bytes.TrimStart((byte)0);
    }

    /// <summary>A string that must not hold a NUL byte (OpenSSH's sshbuf_get_cstring), as text.</summary>
    public string ReadCString()
    {
        var bytes = ReadString();
        if (bytes.Contains((byte)0))
        {
            throw new KeyFormatException("a text field of the key holds a NUL byte");
        }

        return Encoding.UTF8.GetString(bytes);
    }

    public ReadOnlySpan<byte> ReadRaw(int count)
    {
        if (count < 0 || count > Remaining)
        {
            throw new KeyFormatException("the key data is truncated");
        }

        var bytes = data.Slice(position, count);
        position += count;
        return bytes;
    }

    public ReadOnlySpan<byte> ReadString()
    {
        uint length = ReadUInt32();
        if (length > (uint)Remaining)
        {
            throw new KeyFormatException("the key data is truncated");
        }

        return ReadRaw((int)length);
    }

    public string ReadText() => Encoding.UTF8.GetString(ReadString());

    /// <summary>An mpint as unsigned big-endian bytes without leading zeros (keys hold no negative numbers).</summary>
    public ReadOnlySpan<byte> ReadMpint()
    {
        var bytes = ReadString();
        if (bytes.Length > 0 && (bytes[0] & 0x80) != 0)
        {
            throw new KeyFormatException("the key holds a negative number");
        }

        return bytes.TrimStart((byte)0);
    }
}
