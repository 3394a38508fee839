using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Keys;

/// <summary>
/// A throwaway local account whose passwd home is a test directory, so that OpenSSH's own "~" (which it takes from the
/// passwd entry, not from $HOME) is the test HOME: `ssh NAME` as this user reads the ~/.ssh/config that `nvt keys setup`
/// wrote, as it would for a real user. Marked like TestSshd's users, so a crashed run's accounts are removed by the next
/// run; Dispose kills the user's processes and deletes the account (the directory is the caller's).
/// </summary>
internal sealed class LocalUser : IDisposable
{
    public LocalUser(string home)
    {
        TestSshd.RemoveStaleUsers();
        Name = "nvtc" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        Home = home;
        lock (TestSshd.AccountsLock)
        {
            TestSshd.Run("useradd", "--no-create-home", "--home-dir", home, "--shell", "/bin/sh", "--comment", $"{TestSshd.Marker} pid={Environment.ProcessId}", Name);
        }

        TestSshd.Run("chown", $"{Name}:{Name}", home);
        File.SetUnixFileMode(home, (UnixFileMode)0b111_101_101);
    }

    public string Name { get; }

    public string Home { get; }

    /// <summary>
    /// Runs a program as this user in a new session (no controlling terminal), with only PATH, HOME, USER and
    /// <paramref name="environment"/> set, from the home directory.
    /// </summary>
    public ProcessResult Run(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("setsid", ["--wait", "setpriv", $"--reuid={Name}", $"--regid={Name}", "--init-groups", "--", program, .. args])
        {
            WorkingDirectory = Home,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        start.Environment["HOME"] = Home;
        start.Environment["USER"] = Name;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} as {Name} did not finish");
        }

        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }

    /// <summary>Makes a directory (and its files) this user's.</summary>
    public void Own(string path) => TestSshd.Run("chown", "-R", $"{Name}:{Name}", path);

    public void Dispose() => TestSshd.DeleteUser(Name);
}
