using System.Buffers;

namespace NeuralVision.Tools.Jump.Sync;

/// <summary>Appends bytes and unsigned LEB128 varints (negative numbers are written as 0: no field of a state is negative).</summary>
internal sealed class SyncByteWriter
{
    private readonly ArrayBufferWriter<byte> buffer = new(4096);

    public ReadOnlySpan<byte> Written => buffer.WrittenSpan;

    public void Byte(byte value) => Bytes([value]);

    public void Bytes(ReadOnlySpan<byte> bytes) => buffer.Write(bytes);

    public void Number(long value)
    {
        Span<byte> encoded = stackalloc byte[10];
        int length = 0;
        ulong rest = (ulong)Math.Max(value, 0);
        do
        {
            byte next = (byte)(rest & 0x7F);
            rest >>= 7;
            encoded[length++] = rest == 0 ? next : (byte)(next | 0x80);
        }
        while (rest != 0);
        buffer.Write(encoded[..length]);
    }

    public byte[] ToArray() => buffer.WrittenSpan.ToArray();
}
