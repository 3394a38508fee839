using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Platform.Native;

/// <summary>
/// Every call nvt makes into libc, in one place. The imports bind at link time in the published binary
/// (<c>DirectPInvoke libc</c>, see nvt's csproj), so none of them makes the runtime dlopen() "libc" at start-up.
/// The imports are private; callers get small safe wrappers (strings, spans and handles, no pointers).
/// </summary>
public static unsafe partial class LibC
{
    /// <summary>EINTR: a call interrupted by a signal, to be retried.</summary>
    public const int Interrupted = 4;

    public const int OpenWriteOnly = 0x1;
    public const int OpenReadWrite = 0x2;
    public const int OpenCreate = 0x40;

    /// <summary>O_APPEND: 02000 on every Linux architecture .NET runs on (x64, arm64, arm).</summary>
    public const int OpenAppend = 0x400;

    public const int OpenCloseOnExec = 0x80000;

    /// <summary>O_NOCTTY: opening a terminal device never makes it the controlling terminal.</summary>
    public const int OpenNoControllingTerminal = 0x100;

    /// <summary>EACCES.</summary>
    public const int PermissionDenied = 13;

    /// <summary>O_EXCL: with O_CREAT, fail when the name exists (also as a symbolic link).</summary>
    public const int OpenExclusive = 0x80;

    /// <summary>O_NONBLOCK: a FIFO planted in nvt's place cannot make open(2) wait for a writer.</summary>
    public const int OpenNonBlocking = 0x800;

    /// <summary>O_NOFOLLOW: open(2) fails on a symbolic link instead of opening what it points to (differs on arm).</summary>
    public static int OpenNoFollow =>
        RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;

    /// <summary>flock(2) LOCK_EX.</summary>
    public const int LockExclusive = 2;

    public const int SignalHangUp = 1;
    public const int SignalTerminate = 15;

    private const int GetDescriptorFlagsCommand = 1; // F_GETFD
    private const int GetStatusFlags = 3; // F_GETFL
    private const int SetStatusFlags = 4; // F_SETFL

    /// <summary>ENOENT: no such file or directory.</summary>
    public const int NoSuchFile = 2;

    /// <summary>EBADF: the descriptor is not open.</summary>
    public const int BadDescriptor = 9;

    /// <summary>
    /// write(2) of the whole span, continuing after partial writes and EINTR; returns 0, or the errno of the write that
    /// failed (the caller decides whether that is an error: see DescriptorStream).
    /// </summary>
    public static int WriteAll(int descriptor, ReadOnlySpan<byte> bytes)
    {
        fixed (byte* start = bytes)
        {
            int written = 0;
            while (written < bytes.Length)
            {
                nint result = SystemWrite(descriptor, start + written, (nuint)(bytes.Length - written));
                if (result < 0)
                {
                    int errno = Marshal.GetLastPInvokeError();
                    if (errno == Interrupted)
                    {
                        continue;
                    }

                    return errno;
                }

                written += (int)result;
            }
        }

        return 0;
    }

    /// <summary>True when the descriptor is open (fcntl F_GETFD succeeds).</summary>
    public static bool IsOpen(int descriptor) => GetDescriptorFlags(descriptor, GetDescriptorFlagsCommand) >= 0;

    /// <summary>strerror(3) of an errno, as .NET words it.</summary>
    public static string ErrorText(int errno) => Marshal.GetPInvokeErrorMessage(errno);

    /// <summary>realpath(3): the path with every symbolic link resolved, or null when it cannot be resolved.</summary>
    public static string? RealPath(string path)
    {
        IntPtr resolved = SystemRealPath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Free(resolved);
        }
    }

    /// <summary>isatty(3), without starting System.Console's terminal machinery.</summary>
    public static bool IsTerminal(int descriptor) => IsATty(descriptor) == 1;

    /// <summary>tcgetattr(3) into an opaque buffer (struct termios is kept as bytes; its layout differs between libcs).</summary>
    public static bool GetTerminalAttributes(int descriptor, byte[] termios) => GetAttributes(descriptor, termios) == 0;

    /// <summary>tcsetattr(3) from a buffer <see cref="GetTerminalAttributes"/> filled.</summary>
    public static bool SetTerminalAttributes(int descriptor, int when, byte[] termios) => SetAttributes(descriptor, when, termios) == 0;

    /// <summary>open(2); the descriptor, or -1.</summary>
    public static int Open(string path, int flags, int mode) => SystemOpen(path, flags, mode);

    /// <summary>
    /// open(2) of a file nvt owns, never through a symbolic link (O_NOFOLLOW, O_NONBLOCK, O_CLOEXEC added); null when
    /// it cannot be opened, with the errno in <paramref name="errno"/>.
    /// </summary>
    public static SafeFileHandle? OpenNoFollowing(string path, int flags, int mode, out int errno)
    {
        int descriptor = SystemOpen(path, flags | OpenNoFollow | OpenNonBlocking | OpenCloseOnExec, mode);
        errno = descriptor < 0 ? Marshal.GetLastPInvokeError() : 0;
        return descriptor < 0 ? null : new SafeFileHandle(descriptor, ownsHandle: true);
    }

    /// <summary>statx(2) of a path (its bytes, see PathBytes); null when it does not exist or cannot be read.</summary>
    public static FileStatus? Stat(ReadOnlySpan<byte> path, bool followLinks) => Stat(path, followLinks, out _);

    /// <summary>statx(2) of a path; null with the errno (ENOENT: it does not exist, EACCES: a directory on the way is closed).</summary>
    public static FileStatus? Stat(ReadOnlySpan<byte> path, bool followLinks, out int errno)
    {
        Span<byte> terminated = path.Length < 1024 ? stackalloc byte[path.Length + 1] : new byte[path.Length + 1];
        path.CopyTo(terminated);
        terminated[path.Length] = 0;
        byte* buffer = stackalloc byte[StatxSize];
        fixed (byte* name = terminated)
        {
            bool found = StatX(AtCurrentDirectory, name, followLinks ? 0 : AtSymlinkNoFollow, StatxBasicStats, buffer) == 0;
            errno = found ? 0 : Marshal.GetLastPInvokeError();
            return found ? Read(buffer) : null;
        }
    }

    public static FileStatus? Stat(string path, bool followLinks) => Stat(PathBytes.ToBytes(path), followLinks, out _);

    public static FileStatus? Stat(string path, bool followLinks, out int errno) => Stat(PathBytes.ToBytes(path), followLinks, out errno);

    /// <summary>statx(2) of an open file.</summary>
    public static FileStatus? Stat(SafeFileHandle handle)
    {
        byte* buffer = stackalloc byte[StatxSize];
        byte empty = 0;
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return StatX((int)handle.DangerousGetHandle(), &empty, AtEmptyPath, StatxBasicStats, buffer) == 0 ? Read(buffer) : null;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>geteuid(2): whose files nvt may trust.</summary>
    public static uint EffectiveUserId() => GetEffectiveUserId();

    /// <summary>flock(2); 0 on success.</summary>
    public static int FLock(int descriptor, int operation) => SystemFLock(descriptor, operation);

    /// <summary>The statfs(2) f_type of the file system holding <paramref name="path"/>, or null if it cannot be read.</summary>
    public static long? FileSystemType(string path)
    {
        // struct statfs is 120 bytes on 64-bit Linux, f_type first; the buffer leaves room for other layouts.
        byte* buffer = stackalloc byte[512];
        if (StatFs(path, buffer) != 0)
        {
            return null;
        }

        return IntPtr.Size == 8 ? *(long*)buffer : *(int*)buffer;
    }

    /// <summary>kill(2); 0 on success.</summary>
    public static int Kill(int pid, int signal) => SystemKill(pid, signal);

    /// <summary>
    /// Sets O_APPEND on an open file, so every write(2) goes to the end of the file at that moment: .NET's
    /// FileMode.Append only seeks to the end once and writes at that offset.
    /// </summary>
    public static void SetAppendMode(SafeFileHandle handle, string pathForMessages)
    {
        int flags = Fcntl(handle, GetStatusFlags, 0);
        if (flags < 0 || Fcntl(handle, SetStatusFlags, flags | OpenAppend) < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw new IOException($"cannot open {pathForMessages} for appending: {Marshal.GetPInvokeErrorMessage(errno)}", errno);
        }
    }

    /// <summary>The errno of the last call made with SetLastError (Open, say).</summary>
    public static int LastError() => Marshal.GetLastPInvokeError();

    // struct statx is the same on every architecture: its fields at fixed offsets (linux/stat.h).
    private const int StatxSize = 256;
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7FF;

    private static FileStatus Read(byte* statx) => new(
        Device: ((ulong)*(uint*)(statx + 136) << 32) | *(uint*)(statx + 140),
        Inode: *(ulong*)(statx + 32),
        Mode: *(ushort*)(statx + 28),
        Owner: *(uint*)(statx + 20),
        Links: *(uint*)(statx + 16),
        Size: *(long*)(statx + 40),
        ModifiedSeconds: *(long*)(statx + 112));

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static partial int StatX(int directory, byte* path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint SystemWrite(int descriptor, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "fcntl")]
    private static partial int GetDescriptorFlags(int descriptor, int command);

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr SystemRealPath(string path, IntPtr resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(IntPtr pointer);

    [LibraryImport("libc", EntryPoint = "isatty")]
    private static partial int IsATty(int descriptor);

    [LibraryImport("libc", EntryPoint = "tcgetattr")]
    private static partial int GetAttributes(int descriptor, [Out] byte[] termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr")]
    private static partial int SetAttributes(int descriptor, int when, byte[] termios);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SystemOpen(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int SystemFLock(int descriptor, int operation);

    [LibraryImport("libc", EntryPoint = "statfs", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatFs(string path, byte* buffer);

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int SystemKill(int pid, int signal);

    // fcntl is variadic in C; its third argument is an int here, which the Linux x64 and arm64 calling conventions pass
    // exactly like a fixed int parameter.
    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(SafeFileHandle descriptor, int command, int argument);
}
