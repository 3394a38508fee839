namespace NeuralVision.Tools.Jump.Sync;

/// <summary>Reads what <see cref="SyncByteWriter"/> wrote, refusing anything that runs past the end or overflows.</summary>
internal sealed class SyncByteReader
{
    private readonly byte[] bytes;
    private readonly int end;
    private int position;

    public SyncByteReader(byte[] bytes, int end)
    {
        this.bytes = bytes;
        this.end = end;
    }

    public bool AtEnd => position == end;

    /// <summary>How many bytes have been read.</summary>
    public int Position => position;

    public byte Byte()
    {
        if (position >= end)
        {
            throw CutShort();
        }

        return bytes[position++];
    }

    public byte[] Bytes(int count)
    {
        if (count < 0 || count > end - position)
        {
            throw CutShort();
        }

        byte[] taken = bytes.AsSpan(position, count).ToArray();
        position += count;
        return taken;
    }

    public long Number()
    {
        ulong value = 0;
        for (int shift = 0; shift < 63; shift += 7)
        {
            byte next = Byte();
            value |= (ulong)(next & 0x7F) << shift;
            if ((next & 0x80) == 0)
            {
                return value > long.MaxValue ? throw new SyncFormatException("is damaged (a number is too large)") : (long)value;
            }
        }

        throw new SyncFormatException("is damaged (a number is too long)");
    }

    /// <summary>A count of things each at least <paramref name="minimumBytes"/> long: never more than the bytes left could hold.</summary>
    public int Count(int minimumBytes)
    {
        long count = Number();
        if (count > int.MaxValue || (minimumBytes > 0 && count > (end - position) / minimumBytes))
        {
            throw new SyncFormatException("is damaged (it claims more entries than it holds)");
        }

        return (int)count;
    }

    private static SyncFormatException CutShort() => new("is cut short");
}
