using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Jump.Commands;

/// <summary>Messages more than one command prints.</summary>
internal static class Report
{
    /// <summary>One line saying that an unreadable database was moved aside, and where (and the data directory's warning).</summary>
    public static void Quarantine<T>(INvtContext context, JumpOutcome<T> outcome)
    {
        if (outcome.Warning is not null)
        {
            context.Error.WriteLine("nvt: " + outcome.Warning);
        }

        if (outcome.QuarantinedTo is not null)
        {
            context.Error.WriteLine(
                $"nvt: the database was unreadable ({outcome.QuarantineReason}); moved it to {outcome.QuarantinedTo} and started a new one");
        }
    }

    /// <summary>With NVT_DEBUG=1 only: why the silent commands the hooks run (add, fold) did what they did.</summary>
    public static void Debug(INvtContext context, string command, string message)
    {
        if (context.Settings.Debug)
        {
            context.Error.WriteLine($"nvt {command}: {message}");
        }
    }
}
