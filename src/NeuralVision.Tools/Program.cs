using System.Text;
using NeuralVision.Tools;
using NeuralVision.Tools.Config;
using NeuralVision.Tools.Platform;

// Plain file streams on descriptors 1 and 2: System.Console would start its terminal and signal-handling thread, which
// costs the prompt hook time on every cd and is not needed to write bytes.
var output = new StreamWriter(StandardStream(1), new UTF8Encoding(false)) { AutoFlush = false };
var error = new StreamWriter(StandardStream(2), new UTF8Encoding(false)) { AutoFlush = true };
var context = new NvtContext(new ProcessEnvironment(), RealFileSystem.Instance, TimeProvider.System, output, error);
return TopLevel.Run(context, args, output);

static FileStream StandardStream(int descriptor) =>
    new(new Microsoft.Win32.SafeHandles.SafeFileHandle(descriptor, ownsHandle: false), FileAccess.Write, bufferSize: 0);

/// <summary>The one place that turns exceptions into "nvt: message" and an exit code.</summary>
internal static class TopLevel
{
    // EPIPE: the reader of our stdout went away (`nvt query --list | head -1`).
    private const int BrokenPipe = 32;

    public static int Run(NvtContext context, string[] args, TextWriter output)
    {
        try
        {
            int code = NvtCli.Run(context, args);
            output.Flush();
            return code;
        }
        catch (IOException e) when (e.HResult == BrokenPipe)
        {
            return ExitCodes.Ok;
        }
        catch (Exception e)
        {
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
