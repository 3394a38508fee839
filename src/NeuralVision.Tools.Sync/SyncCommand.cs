using System.CommandLine;
using System.Globalization;
using NeuralVision.Tools.Jump;
using NeuralVision.Tools.Jump.Commands;
using NeuralVision.Tools.Jump.Sync;
using NeuralVision.Tools.Keys.Commands;
using NeuralVision.Tools.Keys.Copy;
using NeuralVision.Tools.Keys.Remote;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Files;
using NeuralVision.Tools.Platform.Text;
using Microsoft.Win32.SafeHandles;

namespace NeuralVision.Tools.Sync;

/// <summary>
/// `nvt sync --dir DIR`, `nvt sync [user@]host` and the remote half `nvt sync --serve`: the jump history merged
/// between machines, each visit counted once (the rules: the Store's SyncTables).
/// </summary>
public static class SyncCommand
{
    /// <summary>Printed after the options by --help and in the manual page.</summary>
    public const string HelpNotes = """
        Through a folder, this machine writes nvt-ID.full and one nvt-ID.SINCE-SEQ.delta per sync (0600, renamed into
        place) and merges the other machines' files; over ssh, it runs nvt sync --serve on DESTINATION (found on PATH or
        in ~/.local/bin). Each visit is counted once however often the machines sync; paths under home map to the other
        machine's home; nvt remove and prune reach every machine.

        Examples:
          nvt sync --dir ~/Sync/nvt
          nvt sync puffin --install

        Exit status: 0 synced; 1 another machine's state could not be merged (a file cut short, damaged or from a newer
        nvt; no nvt on the remote), nothing of it merged; 2 usage or local error.
        """;

    public static Command Create(INvtContext context)
    {
        var destination = new Argument<string?>("DESTINATION")
        {
            Description = "[user@]host or a Host alias from ssh_config: sync with nvt there over ssh",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var directory = new Option<string>("--dir", "-d")
        {
            Description = "Sync through DIR, a folder a file-sync engine (Syncthing, Nextcloud, Dropbox, git) carries between machines",
            HelpName = "DIR",
        };
        var port = KeysCopyCommand.PortOption();
        var config = new Option<string>("--config", "-F") { Description = "ssh config file to resolve DESTINATION with (as ssh -F)", HelpName = "SSH_CONFIG" };
        var options = KeysCopyCommand.SshOptionOption();
        var acceptNew = new Option<bool>("--accept-new") { Description = "Add an unknown host key to known_hosts without asking (a changed key is still refused)" };
        var install = new Option<bool>("--install")
        {
            Description = "Upload this nvt to ~/.local/bin on DESTINATION first (after checking its system, machine and glibc)",
        };
        var serve = new Option<bool>("--serve") { Description = "The remote half of nvt sync HOST, on standard input and output (not for typing)", Hidden = true };
        var command = new Command("sync", "Merge the jump history with other machines, through a shared folder or over ssh")
        {
            destination, directory, port, config, options, acceptNew, install, serve,
        };
        command.Validators.Add(result =>
        {
            int modes = (result.GetValue(destination) is null ? 0 : 1) + (result.GetValue(directory) is null ? 0 : 1) + (result.GetValue(serve) ? 1 : 0);
            if (modes != 1)
            {
                result.AddError(modes == 0
                    ? "name a host (nvt sync HOST) or a shared folder (nvt sync --dir DIR)"
                    : "give either a host or --dir, not both");
            }
            else if (result.GetValue(destination) is null
                && (result.GetValue(install) || result.GetValue(port) is not null || result.GetValue(config) is not null || result.GetValue(acceptNew) || result.GetValue(options) is { Length: > 0 }))
            {
                result.AddError("--install, --port, --config, --option and --accept-new are for nvt sync HOST");
            }
            else if (result.GetValue(directory) is "" || result.GetValue(destination) is "")
            {
                result.AddError(result.GetValue(directory) is "" ? "--dir needs a directory" : "the destination is empty");
            }
        });
        command.SetAction(result =>
        {
            if (result.GetValue(serve))
            {
                return Serve(context);
            }

            return result.GetValue(directory) is string folder
                ? ThroughFolder(context, folder)
                : WithHost(context, result.GetValue(destination)!, result.GetValue(port), result.GetValue(config), result.GetValue(options) ?? [], result.GetValue(acceptNew), result.GetValue(install));
        });
        return command;
    }

    public static int ThroughFolder(INvtContext context, string directory)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = context.Clock.GetUtcNow();
        var service = Service(context);
        string absolute = Path.GetFullPath(directory, context.Environment.CurrentDirectory);
        var outcome = service.Sync(now, database =>
        {
            string fingerprint = MachineFingerprint.Of(database.Path);
            KeepMachineId(context, database, now, fingerprint, record: false);
            var synced = FolderSync.Run(database, absolute, Home(context), now.ToUnixTimeSeconds());
            if (synced.Problems.Count == 0)
            {
                KeepMachineId(context, database, now, fingerprint, record: true);
            }

            return synced;
        });
        Report.Quarantine(context, outcome);
        var result = outcome.Value;
        string shown = Shown(context, absolute);
        foreach (string waiting in result.Waiting)
        {
            context.Error.WriteLine($"nvt: {Shown(context, waiting)}");
        }

        string written = result.Written is string file
            ? string.Create(CultureInfo.InvariantCulture, $"wrote {Path.GetFileName(file)} ({result.BytesWritten} bytes)")
            : "this machine's file was up to date";
        if (result.Problems.Count > 0)
        {
            // One line each: the file, what is wrong with it, and what to do.
            foreach (string problem in result.Problems)
            {
                context.Error.WriteLine(
                    $"nvt: {Shown(context, problem)}; nothing was merged, the database is as it was; if another machine is still writing it, sync again later, otherwise delete it");
            }

            return ExitCodes.SyncFailed;
        }

        context.Output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"synced through {shown} with {Count(result.Machines, "other machine")}: {Count(result.PathsChanged, "path")} changed here; {written}"));
        return ExitCodes.Ok;
    }

    public static int WithHost(INvtContext context, string destination, int? port, string? sshConfig, IReadOnlyList<string> sshOptions, bool acceptNew, bool install)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = context.Clock.GetUtcNow();
        var terminal = new AskpassTerminal(context.Terminal, context.Settings, context.ProcessRunner, context.Error.WriteLine);
        using var login = SshLogin.Prepare(destination, port, sshConfig, sshOptions, acceptNew, context.Settings, context.ProcessRunner, terminal, context.Error.WriteLine);
        var outcome = Service(context).Sync(now, database =>
        {
            KeepMachineId(context, database, now);
            string installCommand = InstallCommand(destination, port, sshConfig, sshOptions);
            return RemoteSync.Run(
                database, login, destination, installCommand, install, Environment.ProcessPath, Home(context), now.ToUnixTimeSeconds(), context.Error.WriteLine);
        });
        Report.Quarantine(context, outcome);
        var exchange = outcome.Value;
        context.Output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"synced with {Shown(context, destination)}: {Count(exchange.PathsChanged, "path")} changed here; sent {exchange.BytesSent} bytes, received {exchange.BytesReceived} bytes"));
        return ExitCodes.Ok;
    }

    /// <summary>The remote half: binary frames on standard input and output; errors go to standard error for the client to show.</summary>
    public static int Serve(INvtContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = context.Clock.GetUtcNow();
        using var input = new FileStream(new SafeFileHandle(0, ownsHandle: false), FileAccess.Read, 1);
        using var output = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, 1);
        try
        {
            Service(context).Sync(now, database =>
            {
                KeepMachineId(context, database, now);
                return SyncProtocol.Serve(database, input, output, Home(context), now.ToUnixTimeSeconds());
            });
        }
        catch (SyncFormatException e)
        {
            throw new NvtException($"nvt sync --serve: {e.Message}", ExitCodes.SyncFailed);
        }

        return ExitCodes.Ok;
    }

    /// <summary>A database copied from another machine gets an id of its own before it syncs (two machines with one id would overwrite each other's counts).</summary>
    private static void KeepMachineId(INvtContext context, JumpDatabase database, DateTimeOffset now, string? fingerprint = null, bool record = true)
    {
        if (database.KeepMachineId(fingerprint ?? MachineFingerprint.Of(database.Path), now.ToUnixTimeSeconds(), record))
        {
            context.Error.WriteLine(
                $"nvt: this database was copied from another machine (or moved); it now syncs as a machine of its own, id {database.MachineId}, keeping the copied history");
        }
    }

    /// <summary>The same sync with --install, quoted for a POSIX shell where needed, as the user would retype it.</summary>
    private static string InstallCommand(string destination, int? port, string? sshConfig, IReadOnlyList<string> sshOptions)
    {
        var words = new List<string> { "nvt", "sync" };
        if (sshConfig is not null)
        {
            words.AddRange(["-F", Quoted(sshConfig)]);
        }

        if (port is int number)
        {
            words.AddRange(["-p", number.ToString(CultureInfo.InvariantCulture)]);
        }

        foreach (string option in sshOptions)
        {
            words.AddRange(["-o", Quoted(option)]);
        }

        words.AddRange([Quoted(destination), "--install"]);
        return string.Join(' ', words);
    }

    private static string Quoted(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "@%+=:,./-_".Contains(c, StringComparison.Ordinal))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static JumpService Service(INvtContext context) =>
        new(context.Settings, context.FileSystem, context.Environment.CurrentDirectory);

    private static byte[] Home(INvtContext context) => PathBytes.ToBytes(context.Settings.Home);

    private static string Shown(INvtContext context, string text) => TerminalText.Escape(text, context.Settings.TextIsUtf8);

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
