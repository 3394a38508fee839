using System.Text;
using NeuralVision.Tools;
using NeuralVision.Tools.Config;
using NeuralVision.Tools.Platform;

var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
var error = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
var context = new NvtContext(new ProcessEnvironment(), RealFileSystem.Instance, TimeProvider.System, output, error);
return TopLevel.Run(context, args, output);

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
