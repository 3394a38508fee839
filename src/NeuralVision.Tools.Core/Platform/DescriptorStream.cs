using System.Runtime.InteropServices;

namespace NeuralVision.Tools.Platform;

/// <summary>
/// A write-only stream on an inherited descriptor (1 or 2) that calls write(2) directly. FileStream would use pwrite at
/// its own offset when the descriptor is a regular file, overwriting what the shell wrote before nvt in
/// `{ echo a; nvt query --list; echo b; } > file`; write(2) uses and advances the shared file offset, as every
/// command line tool does. System.Console is avoided because it starts a terminal thread the prompt hook does not need.
/// </summary>
public sealed partial class DescriptorStream : Stream
{
    private const int Interrupted = 4;
    private const int BadDescriptor = 9;

    private readonly int descriptor;
    private readonly string name;
    private readonly bool closed;
    private readonly bool ignoreErrors;

    /// <param name="descriptor">The descriptor to write to.</param>
    /// <param name="name">What error messages call it ("standard output").</param>
    /// <param name="closed">It was closed when nvt started (see <see cref="StandardDescriptors"/>): every write fails
    /// with EBADF, as it would have.</param>
    /// <param name="ignoreErrors">Drop what cannot be written instead of throwing: for standard error, where a message
    /// that cannot be shown has nowhere else to go and must not change nvt's exit status.</param>
    public DescriptorStream(int descriptor, string? name = null, bool closed = false, bool ignoreErrors = false)
    {
        this.descriptor = descriptor;
        this.name = name ?? $"descriptor {descriptor}";
        this.closed = closed;
        this.ignoreErrors = ignoreErrors;
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <summary>Writes everything, continuing after partial writes; errors become IOException with errno as HResult.</summary>
    public override unsafe void Write(ReadOnlySpan<byte> buffer)
    {
        if (closed && buffer.Length > 0)
        {
            Fail(BadDescriptor);
            return;
        }

        fixed (byte* start = buffer)
        {
            int written = 0;
            while (written < buffer.Length)
            {
                nint result = SystemWrite(descriptor, start + written, (nuint)(buffer.Length - written));
                if (result < 0)
                {
                    int errno = Marshal.GetLastPInvokeError();
                    if (errno == Interrupted)
                    {
                        continue;
                    }

                    Fail(errno);
                    return;
                }

                written += (int)result;
            }
        }
    }

    public override void Flush()
    {
    }

    /// <summary>An IOException whose HResult is the errno (EPIPE is told apart by it), unless errors are ignored.</summary>
    private void Fail(int errno)
    {
        if (!ignoreErrors)
        {
            throw new IOException($"cannot write to {name}: {Marshal.GetPInvokeErrorMessage(errno)}", errno);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint SystemWrite(int descriptor, byte* buffer, nuint count);
}
