using System.Runtime.InteropServices;
using System.Text;
using NeuralVision.Tools.Platform.Native;

namespace NeuralVision.Tools.Platform.Terminals;

/// <summary>
/// The real terminal: the one place nvt opens <c>/dev/tty</c>. Each question opens it, writes the prompt and reads
/// the answer byte by byte (so nothing typed ahead for the next program is consumed). Echo is turned off for secrets
/// (termios, c_lflag only) and restored on the way out, on Ctrl-C and on SIGTERM too, as readpassphrase(3) does.
/// </summary>
public sealed class TtyTerminal : ITerminal
{
    private const string Device = "/dev/tty";
    private const int StandardInput = 0;
    private const int StandardOutput = 1;
    private const int StandardError = 2;

    // struct termios is 60 bytes on glibc x86-64 and aarch64; a larger buffer is harmless.
    private const int TermiosBufferSize = 256;

    // c_lflag is the fourth 32-bit word (after c_iflag, c_oflag, c_cflag).
    private const int LocalFlagsOffset = 12;
    private const uint Echo = 0x8;
    private const int SetAfterFlush = 2; // TCSAFLUSH: also drops typed-ahead input, as readpassphrase(3) does

    private bool? available;

    public bool IsAvailable => available ??= CanOpen();

    public bool InputIsTerminal => LibC.IsTerminal(StandardInput);

    public bool OutputIsTerminal => LibC.IsTerminal(StandardOutput);

    public bool ErrorIsTerminal => LibC.IsTerminal(StandardError);

    public string? AskLine(string prompt) => Ask(prompt, echo: true);

    public string? AskSecret(string prompt) => Ask(prompt, echo: false);

    public bool Confirm(string prompt) => AskLine(prompt) is string answer && answer.TrimStart().StartsWith('y');

    public void Tell(string line)
    {
        using var tty = Open();
        tty.Write(Encoding.UTF8.GetBytes(line + "\n"));
    }

    private static string? Ask(string prompt, bool echo)
    {
        using var tty = Open();
        int descriptor = (int)tty.SafeFileHandle.DangerousGetHandle();
        tty.Write(Encoding.UTF8.GetBytes(prompt));
        tty.Flush();
        if (echo)
        {
            return ReadLine(tty);
        }

        byte[]? saved = DisableEcho(descriptor)
            ?? throw new NvtException("cannot turn off echo on /dev/tty to read the passphrase");
        void Restore(PosixSignalContext context) => LibC.SetTerminalAttributes(descriptor, SetAfterFlush, saved);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Restore);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Restore);
        try
        {
            return ReadLine(tty);
        }
        finally
        {
            LibC.SetTerminalAttributes(descriptor, SetAfterFlush, saved);
            // The newline the user typed was not echoed.
            tty.Write("\n"u8);
        }
    }

    /// <summary>Turns echo off; returns the saved settings to restore, or null if it failed.</summary>
    private static byte[]? DisableEcho(int descriptor)
    {
        var saved = new byte[TermiosBufferSize];
        if (!LibC.GetTerminalAttributes(descriptor, saved))
        {
            return null;
        }

        var quiet = (byte[])saved.Clone();
        uint flags = BitConverter.ToUInt32(quiet, LocalFlagsOffset) & ~Echo;
        BitConverter.TryWriteBytes(quiet.AsSpan(LocalFlagsOffset), flags);
        return LibC.SetTerminalAttributes(descriptor, SetAfterFlush, quiet) ? saved : null;
    }

    private static string? ReadLine(FileStream tty)
    {
        var line = new List<byte>();
        Span<byte> one = stackalloc byte[1];
        while (true)
        {
            if (tty.Read(one) == 0)
            {
                return line.Count == 0 ? null : Encoding.UTF8.GetString([.. line]);
            }

            if (one[0] == (byte)'\n')
            {
                return Encoding.UTF8.GetString([.. line]).TrimEnd('\r');
            }

            line.Add(one[0]);
        }
    }

    private static FileStream Open()
    {
        try
        {
            return new FileStream(Device, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);
        }
        catch (IOException)
        {
            throw new NvtException("no terminal to ask on (/dev/tty cannot be opened)");
        }
    }

    private static bool CanOpen()
    {
        try
        {
            using var handle = File.OpenHandle(Device, FileMode.Open, FileAccess.ReadWrite);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
