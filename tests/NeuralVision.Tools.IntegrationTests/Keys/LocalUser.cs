using System.Security.Cryptography;
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
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
        {
            ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
            ["HOME"] = Home,
            ["USER"] = Name,
        };
        return ChildProcess.Run(
            "setsid",
            ["--wait", "setpriv", $"--reuid={Name}", $"--regid={Name}", "--init-groups", "--", program, .. args],
            environment: variables,
            timeout: timeout,
            workingDirectory: Home,
            cleanEnvironment: true);
    }

    /// <summary>Makes a directory (and its files) this user's.</summary>
    public void Own(string path) => TestSshd.Run("chown", "-R", $"{Name}:{Name}", path);

    public void Dispose() => TestSshd.DeleteUser(Name);
}
