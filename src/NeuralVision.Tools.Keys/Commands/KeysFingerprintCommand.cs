using System.CommandLine;
using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Keys.Commands;

/// <summary>`nvt keys fingerprint FILE [-v]`: what `ssh-keygen -l [-v] -f FILE` prints.</summary>
public static class KeysFingerprintCommand
{
    public static Command Create(INvtContext context)
    {
        var file = new Argument<string>("FILE") { Description = "A public key, authorized_keys, known_hosts, certificate or private key file" };
        var visual = new Option<bool>("--visual", "-v") { Description = "Also draw the randomart picture" };
        var command = new Command("fingerprint", "Show a key's SHA256 fingerprint (and randomart with -v)") { file, visual };
        command.SetAction(result => Run(context, result.GetValue(file)!, result.GetValue(visual)));
        return command;
    }

    /// <summary>Prints the keys; lines that hold no key are named on stderr (exit 0 when any key was found).</summary>
    public static int Run(INvtContext context, string file, bool visual)
    {
        ArgumentNullException.ThrowIfNull(context);
        bool utf8 = context.Settings.TextIsUtf8;
        var report = KeyFingerprints.Read(file, context.Environment.CurrentDirectory, utf8);
        foreach (string note in report.Notes)
        {
            context.Error.WriteLine(note);
        }

        foreach (var key in report.Keys)
        {
            context.Output.WriteLine(KeyFingerprints.Line(key, utf8));
            if (visual)
            {
                context.Output.WriteLine(key.Key.Randomart());
            }
        }

        return ExitCodes.Ok;
    }
}
