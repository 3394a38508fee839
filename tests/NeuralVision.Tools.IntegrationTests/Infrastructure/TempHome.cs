using System.Diagnostics;
using System.Text;

namespace NeuralVision.Tools.IntegrationTests.Infrastructure;

/// <summary>
/// A throw-away HOME (world-traversable, so the tests can also run nvt as an unprivileged user) and a way to run the
/// published nvt in it with a clean environment.
/// </summary>
public sealed class TempHome : IDisposable
{
    public TempHome()
    {
        Root = Directory.CreateTempSubdirectory("nvt-it-").FullName;
        File.SetUnixFileMode(Root, (UnixFileMode)0b111_101_101);
        Home = System.IO.Path.Combine(Root, "home");
        Directory.CreateDirectory(Home);
        File.SetUnixFileMode(Home, (UnixFileMode)0b111_111_111);
    }

    public string Root { get; }

    public string Home { get; }

    public Dictionary<string, string> Variables { get; } = [];

    public string DataDirectory => System.IO.Path.Combine(Home, ".local", "share", "nvt");

    public string DatabasePath => System.IO.Path.Combine(DataDirectory, "nvt.db");

    public static bool IsRoot => Environment.UserName == "root";

    public string MakeDirectory(string relative)
    {
        string full = System.IO.Path.Combine(Home, relative);
        Directory.CreateDirectory(full);
        return full;
    }

    public ProcessResult Run(params string[] args) => RunWithOptions(asNobody: false, workingDirectory: null, args);

    /// <summary>Runs nvt as user nobody (when the tests run as root), so file permissions apply to it.</summary>
    public ProcessResult RunAsNobody(params string[] args) => RunWithOptions(asNobody: IsRoot, workingDirectory: null, args);

    public ProcessResult RunIn(string workingDirectory, params string[] args) => RunWithOptions(asNobody: false, workingDirectory, args);

    /// <summary>
    /// Runs nvt in a new session (setsid), so it has no controlling terminal: /dev/tty cannot be opened, as under cron
    /// or CI, and every question must be answered by options or SSH_ASKPASS.
    /// </summary>
    public ProcessResult RunWithoutTerminal(params string[] args) => RunWithOptions(asNobody: false, workingDirectory: null, args, detached: true);

    public Process Start(params string[] args) => Process.Start(StartInfo(asNobody: false, workingDirectory: null, args))!;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private ProcessResult RunWithOptions(bool asNobody, string? workingDirectory, string[] args, bool detached = false)
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(StartInfo(asNobody, workingDirectory, args, detached))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"nvt {string.Join(' ', args)} did not finish in 30 s");
        }

        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }

    private ProcessStartInfo StartInfo(bool asNobody, string? workingDirectory, string[] args, bool detached = false)
    {
        var start = asNobody
            ? new ProcessStartInfo("setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--", NvtBinary.Path, .. args])
            : detached
                ? new ProcessStartInfo("setsid", ["--wait", NvtBinary.Path, .. args])
                : new ProcessStartInfo(NvtBinary.Path, args);
        start.WorkingDirectory = workingDirectory ?? Home;
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.StandardOutputEncoding = Encoding.UTF8;
        start.StandardErrorEncoding = Encoding.UTF8;
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        start.Environment["HOME"] = Home;
        foreach (var (name, value) in Variables)
        {
            start.Environment[name] = value;
        }

        return start;
    }
}
