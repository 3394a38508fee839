using System.Security.Cryptography;

namespace NeuralVision.Tools.Jump.Sync;

/// <summary>
/// The bytes of a <see cref="SyncState"/>, the same in a shared folder and over ssh: "NVTSYNC\n", the format version,
/// the sender's machine id, the sequence range, the machine ids, then the items sorted by path, each path stored as
/// the length it shares with the previous one and the rest (a tree of directories costs little more than its leaf
/// names), numbers as LEB128 varints; and last a SHA-256 of everything before it, so a file cut short, half
/// replaced by a file-sync engine or damaged is refused as a whole instead of merged in part.
/// </summary>
public static class SyncStateFormat
{
    public const byte Version = 1;

    /// <summary>Bytes of the magic, version, machine id and the first byte of each number: what <see cref="ReadHeader"/> needs at most.</summary>
    public const int HeaderBytes = 8 + 1 + 16 + 10 + 10;

    private const int ChecksumBytes = 32;

    private static ReadOnlySpan<byte> Magic => "NVTSYNC\n"u8;

    public static byte[] Write(SyncState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var writer = new SyncByteWriter();
        writer.Bytes(Magic);
        writer.Byte(Version);
        writer.Bytes(Convert.FromHexString(state.Machine));
        writer.Number(state.Since);
        writer.Number(state.Sequence);
        writer.Number(state.Machines.Count);
        foreach (string machine in state.Machines)
        {
            writer.Bytes(Convert.FromHexString(machine));
        }

        var items = state.Items.OrderBy(item => item.Path, ByteOrder.Instance).ToList();
        writer.Number(items.Count);
        byte[] previous = [];
        foreach (var item in items)
        {
            int shared = SharedLength(previous, item.Path);
            writer.Number(shared);
            writer.Number(item.Path.Length - shared);
            writer.Bytes(item.Path.AsSpan(shared));
            writer.Byte((byte)item.Kind);
            writer.Number(item.RemovalTime);
            writer.Number(item.Counts.Count);
            foreach (var count in item.Counts)
            {
                writer.Number(count.Machine);
                writer.Number(count.Count);
                writer.Number(count.Removed);
                writer.Number(count.Last);
            }

            previous = item.Path;
        }

        writer.Bytes(SHA256.HashData(writer.Written));
        return writer.ToArray();
    }

    /// <summary>The sender and sequence range only (the first <see cref="HeaderBytes"/> bytes suffice); not checked against the checksum.</summary>
    public static (string Machine, long Since, long Sequence) ReadHeader(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            throw new SyncFormatException("is empty (cut short before its header)");
        }

        var reader = new SyncByteReader(bytes.ToArray(), bytes.Length);
        return ReadHeader(reader);
    }

    /// <summary>The sender and sequence range of a whole state whose checksum matches (its entries are not read).</summary>
    /// <exception cref="SyncFormatException">Not a state nvt wrote, cut short, damaged, or of a newer format.</exception>
    public static (string Machine, long Since, long Sequence) ReadCheckedHeader(byte[] bytes)
    {
        int body = Check(bytes);
        return ReadHeader(new SyncByteReader(bytes, body));
    }

    /// <exception cref="SyncFormatException">Not a state nvt wrote, cut short, damaged, or of a newer format.</exception>
    public static SyncState Read(byte[] bytes)
    {
        int body = Check(bytes);
        var reader = new SyncByteReader(bytes, body);
        var (machine, since, sequence) = ReadHeader(reader);
        int machineCount = reader.Count(16);
        var machines = new List<string>(machineCount);
        for (int i = 0; i < machineCount; i++)
        {
            machines.Add(Convert.ToHexStringLower(reader.Bytes(16)));
        }

        int itemCount = reader.Count(5);
        var items = new List<SyncItem>(itemCount);
        byte[] previous = [];
        for (int i = 0; i < itemCount; i++)
        {
            int shared = reader.Count(0);
            int rest = reader.Count(1);
            if (shared > previous.Length)
            {
                throw new SyncFormatException("is damaged (a path refers past the one before it)");
            }

            byte[] path = [.. previous.AsSpan(0, shared), .. reader.Bytes(rest)];
            if (!PortablePath.IsPortable(path))
            {
                throw new SyncFormatException("is damaged (it holds a path that is not absolute and clean)");
            }

            if (i > 0 && ByteOrder.Instance.Compare(previous, path) >= 0)
            {
                throw new SyncFormatException("is damaged (its paths are not in order)");
            }

            byte kind = reader.Byte();
            if (kind > (byte)EntryKind.File)
            {
                throw new SyncFormatException($"is damaged (unknown entry kind {kind})");
            }

            long removal = reader.Number();
            int countCount = reader.Count(4);
            var counts = new List<SyncCount>(countCount);
            for (int c = 0; c < countCount; c++)
            {
                long index = reader.Number();
                if (index >= machines.Count)
                {
                    throw new SyncFormatException("is damaged (a count names an unknown machine)");
                }

                counts.Add(new SyncCount((int)index, reader.Number(), reader.Number(), reader.Number()));
            }

            items.Add(new SyncItem(path, (EntryKind)kind, removal, counts));
            previous = path;
        }

        if (!reader.AtEnd)
        {
            throw new SyncFormatException("is damaged (bytes after its last entry)");
        }

        return new SyncState(machine, since, sequence, machines, items);
    }

    /// <summary>Magic, version and checksum; the length of the part the checksum covers.</summary>
    private static int Check(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < Magic.Length + 1 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new SyncFormatException(bytes.Length == 0 ? "is empty (cut short before its header)" : "is not an nvt sync state (no NVTSYNC header)");
        }

        ThrowIfNewer(bytes[Magic.Length]);
        int body = bytes.Length - ChecksumBytes;
        if (body < HeaderBytes - 20 || !SHA256.HashData(bytes.AsSpan(0, body)).AsSpan().SequenceEqual(bytes.AsSpan(body)))
        {
            throw new SyncFormatException("is damaged or cut short (its checksum does not match)");
        }

        return body;
    }

    private static (string Machine, long Since, long Sequence) ReadHeader(SyncByteReader reader)
    {
        if (!reader.Bytes(Magic.Length).AsSpan().SequenceEqual(Magic))
        {
            throw new SyncFormatException("is not an nvt sync state (no NVTSYNC header)");
        }

        ThrowIfNewer(reader.Byte());
        string machine = Convert.ToHexStringLower(reader.Bytes(16));
        long since = reader.Number();
        long sequence = reader.Number();
        if (since > sequence)
        {
            throw new SyncFormatException("is damaged (its sequence numbers run backwards)");
        }

        return (machine, since, sequence);
    }

    private static void ThrowIfNewer(byte version)
    {
        if (version > Version)
        {
            throw new SyncFormatException($"was written by a newer nvt (format {version}; this nvt reads format {Version}); upgrade nvt here");
        }

        if (version == 0)
        {
            throw new SyncFormatException("is damaged (format 0)");
        }
    }

    private static int SharedLength(byte[] a, byte[] b)
    {
        int length = Math.Min(a.Length, b.Length);
        int shared = 0;
        while (shared < length && a[shared] == b[shared])
        {
            shared++;
        }

        return shared;
    }
}
