using System.Text;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Text;

namespace NeuralVision.Tools;

/// <summary>The one place that turns exceptions into "nvt: message" and an exit code.</summary>
internal static class TopLevel
{
    // EPIPE: the reader of our stdout went away (`nvt query --list | head -1`).
    private const int BrokenPipe = 32;

    public static int Run(INvtContext context, string[] args)
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
            // What the command printed before it failed comes first (`keys setup` prints each step as it goes).
            try
            {
                context.FlushOutput();
            }
            catch (IOException)
            {
            }

            // Standard error never throws (Program makes it drop what it cannot write), so this cannot fail in turn.
            if (e is NvtException { Details: var details })
            {
                foreach (string line in details)
                {
                    context.Error.WriteLine(Printable(line));
                }
            }

            context.Error.WriteLine($"nvt: {Printable(Describe(e))}");
            if (context.Settings.Debug)
            {
                context.Error.WriteLine(e.ToString());
            }

            return e is NvtException nvt ? nvt.ExitCode : ExitCodes.Error;
        }
    }

    /// <summary>
    /// Messages quote what the user typed and what files and servers said (a host, a path, ssh_config's ProxyCommand):
    /// control characters in them are escaped as OpenSSH escapes them (ESC is \033), so an error cannot drive the
    /// terminal. Printable UTF-8 stays as it is.
    /// </summary>
    private static string Printable(string text) => TerminalText.Escape(text, utf8: true);

    /// <summary>
    /// An nvt failure says all in its message; anything else (a bug, an unexpected library error) gets its inner
    /// exceptions' messages appended, since the outer one alone rarely says what went wrong.
    /// </summary>
    private static string Describe(Exception e)
    {
        if (e is NvtException)
        {
            return e.Message;
        }

        var message = new StringBuilder(e.Message);
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            message.Append(": ").Append(inner.Message);
        }

        return message.ToString();
    }
}
