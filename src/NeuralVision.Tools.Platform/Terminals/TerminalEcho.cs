using System.Runtime.InteropServices;

namespace NeuralVision.Tools.Platform;

/// <summary>
/// The two terminal questions nvt asks libc: is a descriptor a terminal, and turn echo off and back on (termios), so a
/// passphrase typed on /dev/tty is not shown. Only c_lflag is touched; the struct is kept as opaque bytes because its
/// layout beyond the four flag words differs between libcs.
/// </summary>
public static partial class TerminalEcho
{
    // struct termios is 60 bytes on glibc x86-64 and aarch64; a larger buffer is harmless.
    private const int TermiosBufferSize = 256;

    // c_lflag is the fourth 32-bit word (after c_iflag, c_oflag, c_cflag).
    private const int LocalFlagsOffset = 12;
    private const uint Echo = 0x8;
    private const int SetAfterFlush = 2; // TCSAFLUSH: also drops typed-ahead input, as readpassphrase(3) does

    public static bool IsTerminal(int descriptor) => IsATty(descriptor) == 1;

    /// <summary>Turns echo off on the terminal; returns the saved settings for <see cref="Restore"/>, or null if it failed.</summary>
    public static byte[]? DisableEcho(int descriptor)
    {
        var saved = new byte[TermiosBufferSize];
        if (GetAttributes(descriptor, saved) != 0)
        {
            return null;
        }

        var quiet = (byte[])saved.Clone();
        uint flags = BitConverter.ToUInt32(quiet, LocalFlagsOffset) & ~Echo;
        BitConverter.TryWriteBytes(quiet.AsSpan(LocalFlagsOffset), flags);
        return SetAttributes(descriptor, SetAfterFlush, quiet) == 0 ? saved : null;
    }

    public static void Restore(int descriptor, byte[] saved) => SetAttributes(descriptor, SetAfterFlush, saved);

    [LibraryImport("libc", EntryPoint = "isatty")]
    private static partial int IsATty(int descriptor);

    [LibraryImport("libc", EntryPoint = "tcgetattr")]
    private static partial int GetAttributes(int descriptor, [Out] byte[] termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr")]
    private static partial int SetAttributes(int descriptor, int when, byte[] termios);
}
