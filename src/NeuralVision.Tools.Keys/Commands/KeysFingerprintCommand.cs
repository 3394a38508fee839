using System.CommandLine;
using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Keys.Commands;

/// <summary>`nvt keys fingerprint FILE [-v]`: what `ssh-keygen -l [-v] -f FILE` prints.</summary>
public static class KeysFingerprintCommand
{
    public static Command Create(INvtContext context)
    {
        var file = new Argument<string>("FILE") { Description = "A public key, authorized_keys or private key file" };
        var visual = new Option<bool>("--visual", "-v") { Description = "Also draw the randomart picture" };
        var command = new Command("fingerprint", "Show a key's SHA256 fingerprint (and randomart with -v)") { file, visual };
        command.SetAction(result => Run(context, result.GetValue(file)!, result.GetValue(visual)));
        return command;
    }

    public static int Run(INvtContext context, string file, bool visual)
    {
        string path = Path.GetFullPath(file, context.Environment.CurrentDirectory);
        IReadOnlyList<SshPublicKey> keys;
        try
        {
            keys = KeyFiles.ReadPublicKeys(path);
        }
        catch (Exception e) when (e is KeyFormatException or IOException or UnauthorizedAccessException)
        {
            throw new NvtException($"{file}: {e.Message}");
        }

        foreach (var key in keys)
        {
            context.Output.WriteLine(key.FingerprintLine());
            if (visual)
            {
                context.Output.WriteLine(key.Randomart());
            }
        }

        return ExitCodes.Ok;
    }
}
