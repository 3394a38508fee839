using System.Buffers.Binary;

namespace NeuralVision.Tools.Jump.Sync;

/// <summary>
/// `nvt sync HOST` and `nvt sync --serve` talk over the ssh exec channel in four length-prefixed frames: the client's
/// hello (protocol version, machine id); the server's machine id and how far it has merged the client; the client's
/// changes since then, with how far it has merged the server; the server's changes since that. Each side reads the
/// changes it sends before it merges the other's, so both end with the same merged state, and each merges in one
/// transaction: a connection that breaks leaves both databases as they were or fully merged.
/// </summary>
public static class SyncProtocol
{
    public const byte Version = 1;

    /// <summary>The largest frame accepted (a state of a million entries is far smaller).</summary>
    private const int MaximumFrame = 256 * 1024 * 1024;

    private static ReadOnlySpan<byte> Hello => "NVTSYNC-HELLO\n"u8;

    /// <summary>The server side, over the process's standard input and output.</summary>
    /// <exception cref="SyncFormatException">The client is not nvt, speaks a newer protocol, or sent a damaged state.</exception>
    public static SyncExchange Serve(JumpDatabase database, Stream input, Stream output, byte[] home, long now)
    {
        ArgumentNullException.ThrowIfNull(database);
        byte[] hello = ReadFrame(input);
        if (hello.Length != Hello.Length + 1 + 16 || !hello.AsSpan(0, Hello.Length).SequenceEqual(Hello))
        {
            throw new SyncFormatException("nvt sync --serve expects nvt sync on the other end of the connection");
        }

        if (hello[Hello.Length] > Version)
        {
            throw new SyncFormatException($"the other nvt speaks sync protocol {hello[Hello.Length]} and this one {Version}; upgrade nvt here");
        }

        string client = Convert.ToHexStringLower(hello.AsSpan(Hello.Length + 1));
        var reply = new SyncByteWriter();
        reply.Bytes(Convert.FromHexString(database.MachineId));
        reply.Number(database.SeenOf(client));
        WriteFrame(output, reply.Written);

        byte[] message = ReadFrame(input);
        var reader = new SyncByteReader(message, message.Length);
        long since = reader.Number();
        var theirs = SyncStateFormat.Read(message[reader.Position..]);
        if (theirs.Machine != client)
        {
            throw new SyncFormatException("the other side sent the state of a machine other than its own");
        }

        byte[] mine = SyncStateFormat.Write(database.ExportSync(since, home, now));
        int changed = database.MergeSync([theirs], home, now);
        WriteFrame(output, mine);
        return new SyncExchange(client, mine.Length, message.Length, changed);
    }

    /// <summary>The client side: <paramref name="toServer"/> is the remote `nvt sync --serve`'s standard input.</summary>
    /// <exception cref="SyncFormatException">The server is not nvt, sent a damaged state, or closed the connection early.</exception>
    public static SyncExchange Exchange(JumpDatabase database, Stream toServer, Stream fromServer, byte[] home, long now)
    {
        ArgumentNullException.ThrowIfNull(database);
        var hello = new SyncByteWriter();
        hello.Bytes(Hello);
        hello.Byte(Version);
        hello.Bytes(Convert.FromHexString(database.MachineId));
        WriteFrame(toServer, hello.Written);

        byte[] reply = ReadFrame(fromServer);
        var reader = new SyncByteReader(reply, reply.Length);
        string server;
        long seenHere;
        try
        {
            server = Convert.ToHexStringLower(reader.Bytes(16));
            seenHere = reader.Number();
        }
        catch (SyncFormatException e)
        {
            throw new SyncFormatException($"the answer of nvt sync --serve {e.Message}", e);
        }

        var message = new SyncByteWriter();
        message.Number(database.SeenOf(server));
        message.Bytes(SyncStateFormat.Write(database.ExportSync(seenHere, home, now)));
        WriteFrame(toServer, message.Written);
        toServer.Close();

        byte[] answer = ReadFrame(fromServer);
        SyncState theirs;
        try
        {
            theirs = SyncStateFormat.Read(answer);
        }
        catch (SyncFormatException e)
        {
            throw new SyncFormatException($"the state nvt sync --serve sent {e.Message}", e);
        }

        if (theirs.Machine != server)
        {
            throw new SyncFormatException("the server sent the state of a machine other than its own");
        }

        int changed = database.MergeSync([theirs], home, now);
        return new SyncExchange(server, message.Written.Length, answer.Length, changed);
    }

    private static void WriteFrame(Stream stream, ReadOnlySpan<byte> payload)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, payload.Length);
        stream.Write(length);
        stream.Write(payload);
        stream.Flush();
    }

    private static byte[] ReadFrame(Stream stream)
    {
        byte[] length = new byte[4];
        ReadExactly(stream, length);
        int size = BinaryPrimitives.ReadInt32BigEndian(length);
        if (size < 0 || size > MaximumFrame)
        {
            throw new SyncFormatException("the other side sent something that is not nvt's sync protocol (does a shell startup file there print something?)");
        }

        byte[] payload = new byte[size];
        ReadExactly(stream, payload);
        return payload;
    }

    private static void ReadExactly(Stream stream, byte[] buffer)
    {
        int filled = 0;
        while (filled < buffer.Length)
        {
            int read = stream.Read(buffer, filled, buffer.Length - filled);
            if (read == 0)
            {
                throw new SyncFormatException("the connection closed before the sync finished");
            }

            filled += read;
        }
    }
}
