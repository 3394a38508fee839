using System.ComponentModel;
using NeuralVision.Tools.Platform.Processes;

namespace NeuralVision.Tools.Platform.OpenSsh;

/// <summary>
/// <c>ssh -G</c>: what OpenSSH's configuration makes of a command line, asked of ssh itself, so nvt never
/// reimplements ssh_config (Host and Match blocks, Include, tokens). `nvt ssh` matches host patterns against its
/// HostName (<see cref="ResolvedHost"/>); `nvt keys copy` connects where it says (<see cref="SshClientSettings"/>).
/// </summary>
public static class SshConfigDump
{
    /// <summary>
    /// Runs <c>ssh -G ARGUMENTS</c> with stdin closed and both outputs captured; null when ssh cannot be started or
    /// takes longer than <paramref name="timeout"/> (it is killed).
    /// </summary>
    public static CapturedRun? Run(IProcessRunner runner, string ssh, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(runner);
        try
        {
            return runner.Capture(new CaptureRequest(ssh, ["-G", .. arguments], timeout, Input: string.Empty));
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    /// <summary>The current user's home directory in /etc/passwd, where ssh expands ~ from (nvt maps it back to $HOME).</summary>
    public static string? PasswdHome()
    {
        try
        {
            string name = Environment.UserName;
            foreach (string line in File.ReadLines("/etc/passwd"))
            {
                string[] fields = line.Split(':');
                if (fields.Length >= 6 && fields[0] == name)
                {
                    return fields[5];
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }
}
