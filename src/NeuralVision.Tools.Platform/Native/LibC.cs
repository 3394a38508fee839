using System.Runtime.InteropServices;

namespace NeuralVision.Tools.Platform;

/// <summary>Whether a descriptor is a terminal (isatty(3)), without starting System.Console's terminal machinery.</summary>
public static partial class Terminal
{
    public static bool IsTerminal(int descriptor) => IsATty(descriptor) == 1;

    [LibraryImport("libc", EntryPoint = "isatty")]
    private static partial int IsATty(int descriptor);
}
