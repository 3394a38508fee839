using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace NeuralVision.Tools.Keys;

/// <summary>Builds SSH wire-format data (RFC 4251 section 5): uint32, string and mpint, all big-endian.</summary>
public sealed class SshWireWriter
{
    private readonly ArrayBufferWriter<byte> buffer = new();

    public int Length => buffer.WrittenCount;

    public SshWireWriter WriteUInt32(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        buffer.Write(bytes);
        return this;
    }

    public SshWireWriter WriteByte(byte value)
    {
        buffer.Write([value]);
        return this;
    }

    /// <summary>Raw bytes with no length prefix.</summary>
    public SshWireWriter WriteRaw(ReadOnlySpan<byte> bytes)
    {
        buffer.Write(bytes);
        return this;
    }

    public SshWireWriter WriteString(ReadOnlySpan<byte> bytes)
    {
        WriteUInt32((uint)bytes.Length);
        buffer.Write(bytes);
        return this;
    }

    public SshWireWriter WriteString(string text) => WriteString(Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// A non-negative integer given as unsigned big-endian bytes, written as an mpint: leading zero bytes dropped, then
    /// one zero byte put back when the top bit is set (an mpint is two's complement), zero as the empty string.
    /// </summary>
    public SshWireWriter WriteMpint(ReadOnlySpan<byte> unsignedBigEndian)
    {
        var magnitude = unsignedBigEndian.TrimStart((byte)0);
        bool needsSignByte = magnitude.Length > 0 && (magnitude[0] & 0x80) != 0;
        WriteUInt32((uint)(magnitude.Length + (needsSignByte ? 1 : 0)));
        if (needsSignByte)
        {
            buffer.Write([(byte)0]);
        }

        buffer.Write(magnitude);
        return this;
    }

    public byte[] ToArray() => buffer.WrittenSpan.ToArray();

    /// <summary>Overwrites what was written with zeros (the buffer held a private key).</summary>
    public void Clear() => buffer.Clear();
}
