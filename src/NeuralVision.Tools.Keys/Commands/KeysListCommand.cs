using System.CommandLine;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Text;

namespace NeuralVision.Tools.Keys.Commands;

/// <summary>`nvt keys list`: every ~/.ssh/*.pub as "FILE: BITS FINGERPRINT COMMENT (TYPE)".</summary>
public static class KeysListCommand
{
    public static Command Create(INvtContext context)
    {
        var command = new Command("list", "List the public keys in ~/.ssh: file, bits, fingerprint, comment and type");
        command.SetAction(_ => Run(context));
        return command;
    }

    /// <summary>
    /// Lists every ~/.ssh/*.pub; one that cannot be read (a FIFO, a directory, a file without a key) is named on
    /// stderr and the others are still listed (exit 2 then).
    /// </summary>
    public static int Run(INvtContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        bool utf8 = context.Settings.TextIsUtf8;
        string directory = KeyFiles.SshDirectory(context.Settings.Home);
        string[] files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.pub") : [];
        Array.Sort(files, StringComparer.Ordinal);
        if (files.Length == 0)
        {
            context.Error.WriteLine($"nvt: no public keys (*.pub) in {TerminalText.Escape(directory, utf8)}");
            return ExitCodes.NoMatch;
        }

        int failures = 0;
        foreach (string file in files)
        {
            try
            {
                var report = KeyFingerprints.Read(file, directory, utf8);
                foreach (string note in report.Notes)
                {
                    context.Error.WriteLine(note);
                }

                foreach (var key in report.Keys)
                {
                    context.Output.WriteLine($"{TerminalText.Escape(file, utf8)}: {KeyFingerprints.Line(key, utf8)}");
                }
            }
            catch (NvtException e)
            {
                foreach (string line in e.Details)
                {
                    context.Error.WriteLine(line);
                }

                context.Error.WriteLine($"nvt: {e.Message}");
                failures++;
            }
        }

        return failures == 0 ? ExitCodes.Ok : ExitCodes.Error;
    }
}
