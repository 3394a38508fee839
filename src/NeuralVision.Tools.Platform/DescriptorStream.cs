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

    public DescriptorStream(int descriptor)
    {
        this.descriptor = descriptor;
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
    public override void Write(ReadOnlySpan<byte> buffer) => LibC.WriteAll(descriptor, buffer);

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
