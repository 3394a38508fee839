using System.CommandLine;
using NeuralVision.Tools.Platform;

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

    public static int Run(INvtContext context)
    {
        string directory = KeyFiles.SshDirectory(context.Settings.Home);
        string[] files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.pub") : [];
        Array.Sort(files, StringComparer.Ordinal);
        if (files.Length == 0)
        {
            context.Error.WriteLine($"nvt: no public keys (*.pub) in {directory}");
            return ExitCodes.NoMatch;
        }

        int failures = 0;
        foreach (string file in files)
        {
            try
            {
                foreach (var key in KeyFiles.ReadPublicKeys(file))
                {
                    context.Output.WriteLine($"{file}: {key.FingerprintLine()}");
                }
            }
            catch (Exception e) when (e is KeyFormatException or IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"nvt: {file}: {e.Message}");
                failures++;
            }
        }

        return failures == 0 ? ExitCodes.Ok : ExitCodes.Error;
    }
}
