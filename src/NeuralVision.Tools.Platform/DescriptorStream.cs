using NeuralVision.Tools.Platform.Native;

namespace NeuralVision.Tools.Platform;

/// <summary>
/// A write-only stream on an inherited descriptor (1 or 2) that calls write(2) directly. FileStream would use pwrite at
/// its own offset when the descriptor is a regular file, overwriting what the shell wrote before nvt in
/// `{ echo a; nvt query --list; echo b; } > file`; write(2) uses and advances the shared file offset, as every
/// command line tool does. System.Console is avoided because it starts a terminal thread the prompt hook does not need.
/// </summary>
public sealed class DescriptorStream : Stream
{
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

    /// <summary>
    /// Writes everything; a failure is an IOException with the errno as HResult (EPIPE is how the top level recognises
    /// a closed pipe), unless errors are ignored.
    /// </summary>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return;
        }

        int errno = closed ? LibC.BadDescriptor : LibC.WriteAll(descriptor, buffer);
        if (errno != 0 && !ignoreErrors)
        {
            throw new IOException($"cannot write to {name}: {LibC.ErrorText(errno)}", errno);
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
