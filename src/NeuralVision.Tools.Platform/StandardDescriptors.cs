using NeuralVision.Tools.Platform.Native;

namespace NeuralVision.Tools.Platform;

/// <summary>
/// Descriptors 0, 1 and 2 as nvt found them. A closed one (`nvt query x 2>&-`) is filled with /dev/null before anything
/// else is opened: otherwise the next file nvt opens (the database's journal, a key file) would get that number, and
/// text meant for the terminal would be written into it. The streams still behave as closed (see
/// <see cref="DescriptorStream"/>), so nothing is silently lost either.
/// </summary>
public static class StandardDescriptors
{
    /// <summary>Fills the closed ones of 0, 1, 2 with /dev/null; returns which were closed (bit N for descriptor N).</summary>
    public static int FillClosed()
    {
        int closed = 0;
        for (int descriptor = 0; descriptor <= 2; descriptor++)
        {
            if (!LibC.IsOpen(descriptor))
            {
                closed |= 1 << descriptor;
            }
        }

        // open() returns the lowest free number, so opening in order fills exactly the closed ones.
        for (int descriptor = 0; descriptor <= 2; descriptor++)
        {
            if ((closed & (1 << descriptor)) != 0)
            {
                LibC.Open("/dev/null", LibC.OpenReadWrite, 0);
            }
        }

        return closed;
    }
}
