using System.Buffers.Binary;
using System.Text;

namespace NeuralVision.Tools.Keys;

/// <summary>Reads SSH wire-format data; any overrun becomes a <see cref="KeyFormatException"/>.</summary>
public ref struct SshWireReader
{
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
