using System.Text;
using NeuralVision.Tools;
using NeuralVision.Tools.Config;
using NeuralVision.Tools.Platform;

// Before anything opens a file: a closed 0, 1 or 2 must not be handed to it.
int closedDescriptors = StandardDescriptors.FillClosed();

// write(2) on descriptors 1 and 2 (see DescriptorStream for why neither System.Console nor FileStream), each made when
// first used. What cannot be written to stderr is dropped: it must not turn into a crash or another exit status.
var context = new NvtContext(
    new ProcessEnvironment(),
    RealFileSystem.Instance,
    TimeProvider.System,
    () => new StreamWriter(new DescriptorStream(1, "standard output", closed: (closedDescriptors & 2) != 0), new UTF8Encoding(false), bufferSize: 16 * 1024) { AutoFlush = false },
    () => new StreamWriter(new DescriptorStream(2, "standard error", closed: (closedDescriptors & 4) != 0, ignoreErrors: true), new UTF8Encoding(false)) { AutoFlush = true });
return TopLevel.Run(context, args);

/// <summary>The one place that turns exceptions into "nvt: message" and an exit code.</summary>
internal static class TopLevel
{
    // EPIPE: the reader of our stdout went away (`nvt query --list | head -1`).
    private const int BrokenPipe = 32;

    public static int Run(NvtContext context, string[] args)
    {
        try
        {
            int code = NvtCli.Run(context, args);
            context.FlushOutput();
            return code;
        }
        catch (IOException e) when (e.HResult == BrokenPipe)
        {
            return ExitCodes.Ok;
        }
        catch (Exception e)
        {
            // Standard error never throws (see above), so this cannot fail in turn.
            context.Error.WriteLine($"nvt: {Describe(e)}");
            if (context.Settings.Debug)
            {
                context.Error.WriteLine(e.ToString());
            }

            return e is NvtException nvt ? nvt.ExitCode : ExitCodes.Error;
        }
    }

    private static string Describe(Exception e)
    {
        var message = new StringBuilder(e.Message);
        for (var inner = e is NeuralVision.Tools.Jump.DatabaseAccessException ? null : e.InnerException; inner is not null; inner = inner.InnerException)
        {
            message.Append(": ").Append(inner.Message);
        }

        return message.ToString();
    }
}
