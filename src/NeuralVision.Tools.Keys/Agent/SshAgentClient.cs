using System.Buffers.Binary;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace NeuralVision.Tools.Keys.Agent;

/// <summary>
/// A client of ssh-agent over SSH_AUTH_SOCK (draft-miller-ssh-agent; checked against OpenSSH 9.2's agent): list the
/// identities, ask for a signature, add a key. Each message is uint32 length, byte type, payload. The agent answers
/// strictly in order, so one request is in flight at a time (SSH.NET signs on its own thread); one socket serves the
/// whole run.
/// </summary>
public sealed class SshAgentClient : IDisposable
{
    /// <summary>SIGN_REQUEST flags for RSA keys: which hash the signature uses (0 would be SHA-1).</summary>
    public const uint RsaSha256 = 2;

    public const uint RsaSha512 = 4;

    /// <summary>OpenSSH's AGENT_MAX_LEN: the agent drops longer messages, and nvt refuses longer answers.</summary>
    public const int MaxMessage = 256 * 1024;

    private const byte Failure = 5;
    private const byte Success = 6;
    private const byte RequestIdentities = 11;
    private const byte IdentitiesAnswer = 12;
    private const byte SignRequest = 13;
    private const byte SignResponse = 14;
    private const byte AddIdentity = 17;

    private readonly Socket socket;
    private readonly Lock gate = new();

    private SshAgentClient(Socket socket, string path)
    {
        this.socket = socket;
        SocketPath = path;
    }

    public string SocketPath { get; }

    /// <summary>Connects to the agent at <paramref name="socketPath"/>.</summary>
    /// <exception cref="AgentException">Nothing answers there (a dead agent, a stale variable, not a socket).</exception>
    public static SshAgentClient Connect(string socketPath, TimeSpan timeout)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
        {
            ReceiveTimeout = (int)timeout.TotalMilliseconds,
            SendTimeout = (int)timeout.TotalMilliseconds,
        };
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            return new SshAgentClient(socket, socketPath);
        }
        catch (Exception e) when (e is SocketException or ArgumentException)
        {
            socket.Dispose();
            // SocketErrorCode is misleading for Unix sockets (ENOENT shows as AddressNotAvailable): say it plainly.
            throw new AgentException($"no ssh-agent answers at {socketPath} (SSH_AUTH_SOCK)", e);
        }
    }

    /// <summary>REQUEST_IDENTITIES: the keys the agent holds, in its order.</summary>
    public IReadOnlyList<AgentIdentity> ListIdentities()
    {
        byte[] reply = Request([RequestIdentities]);
        try
        {
            var reader = new SshWireReader(reply);
            byte type = reader.ReadByte();
            if (type != IdentitiesAnswer)
            {
                throw new AgentException($"the ssh-agent at {SocketPath} answered message {type} to a list request");
            }

            uint count = reader.ReadUInt32();
            // Each identity takes at least 8 bytes: a count larger than the message is a lie, not a reason to allocate.
            if (count > (uint)reader.Remaining / 8)
            {
                throw new AgentException($"the ssh-agent at {SocketPath} sent a malformed list of keys");
            }

            var identities = new List<AgentIdentity>((int)count);
            for (uint i = 0; i < count; i++)
            {
                byte[] blob = reader.ReadString().ToArray();
                identities.Add(new AgentIdentity(blob, reader.ReadText()));
            }

            return identities;
        }
        catch (KeyFormatException e)
        {
            throw new AgentException($"the ssh-agent at {SocketPath} sent a malformed list of keys", e);
        }
    }

    /// <summary>
    /// SIGN_REQUEST: the signature in SSH encoding (string algorithm, string signature); null when the agent refuses
    /// (it does not hold the key, the confirmation was denied, the agent is locked, the key's lifetime is over).
    /// </summary>
    public byte[]? Sign(byte[] keyBlob, byte[] data, uint flags)
    {
        byte[] reply = Request(new SshWireWriter().WriteByte(SignRequest).WriteString(keyBlob).WriteString(data).WriteUInt32(flags).ToArray());
        try
        {
            var reader = new SshWireReader(reply);
            return reader.ReadByte() switch
            {
                SignResponse => reader.ReadString().ToArray(),
                Failure => null,
                byte other => throw new AgentException($"the ssh-agent at {SocketPath} answered message {other} to a signature request"),
            };
        }
        catch (KeyFormatException e)
        {
            throw new AgentException($"the ssh-agent at {SocketPath} sent a malformed signature", e);
        }
    }

    /// <summary>
    /// ADD_IDENTITY: the key type, the private fields (<paramref name="writeFields"/>, in the agent protocol's order)
    /// and the comment. False when the agent refuses the key. The message, which holds the private key, is wiped.
    /// </summary>
    public bool Add(string keyType, Action<SshWireWriter> writeFields, string comment)
    {
        ArgumentNullException.ThrowIfNull(writeFields);
        var message = new SshWireWriter().WriteByte(AddIdentity).WriteString(keyType);
        writeFields(message);
        message.WriteString(comment);
        byte[] body = message.ToArray();
        message.Clear();
        byte[] reply;
        try
        {
            reply = Request(body);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(body);
        }

        return reply[0] switch
        {
            Success => true,
            Failure => false,
            byte other => throw new AgentException($"the ssh-agent at {SocketPath} answered message {other} to an add request"),
        };
    }

    public void Dispose() => socket.Dispose();

    /// <summary>Sends one framed message and reads the framed answer (never empty: its first byte is the type).</summary>
    private byte[] Request(byte[] body)
    {
        lock (gate)
        {
            byte[] frame = new byte[4 + body.Length];
            try
            {
                BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)body.Length);
                body.CopyTo(frame, 4);
                socket.Send(frame);
                Span<byte> header = stackalloc byte[4];
                ReadExactly(header);
                uint length = BinaryPrimitives.ReadUInt32BigEndian(header);
                if (length is 0 or > MaxMessage)
                {
                    throw new AgentException($"the ssh-agent at {SocketPath} sent a message of {length} bytes");
                }

                byte[] reply = new byte[length];
                ReadExactly(reply);
                return reply;
            }
            catch (SocketException e)
            {
                throw new AgentException($"the connection to the ssh-agent at {SocketPath} failed", e);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(frame);
            }
        }
    }

    private void ReadExactly(Span<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            int read = socket.Receive(buffer);
            if (read == 0)
            {
                throw new AgentException($"the ssh-agent at {SocketPath} closed the connection");
            }

            buffer = buffer[read..];
        }
    }
}
