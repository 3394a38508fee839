using System.Diagnostics;
using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Ssh;

/// <summary>
/// A private session bus: dbus-daemon on a socket in a temp directory, with a permissive policy, killed on Dispose.
/// Never the user's bus.
/// </summary>
public sealed class DBusDaemon : IDisposable
{
    private readonly Process process;
    private readonly string directory;

    /// <param name="parentDirectory">Where its directory goes (default: a new one in the system temp directory), e.g. a
    /// run directory that a later run cleans up when this one crashed.</param>
    public DBusDaemon(string? parentDirectory = null)
    {
        directory = parentDirectory is null
            ? Directory.CreateTempSubdirectory("nvt-dbus-").FullName
            : Directory.CreateDirectory(Path.Combine(parentDirectory, "dbus")).FullName;
        string config = Path.Combine(directory, "session.conf");
        File.WriteAllText(config, $"""
            <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
             "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
            <busconfig>
              <type>session</type>
              <listen>unix:path={directory}/bus</listen>
              <auth>EXTERNAL</auth>
              <policy context="default">
                <allow send_destination="*" eavesdrop="true"/>
                <allow eavesdrop="true"/>
                <allow own="*"/>
                <allow user="*"/>
              </policy>
            </busconfig>
            """);
        process = Process.Start(new ProcessStartInfo("dbus-daemon", ["--config-file=" + config, "--nofork", "--print-address=1"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var line = process.StandardOutput.ReadLineAsync();
        if (!line.Wait(TimeSpan.FromSeconds(10)) || string.IsNullOrEmpty(line.Result))
        {
            Dispose();
            throw new InvalidOperationException("dbus-daemon did not print its address: " + process.StandardError.ReadToEnd());
        }

        Address = line.Result.Trim();
    }

    public string Address { get; }

    public int ProcessId => process.Id;

    /// <summary>An address of the same kind where nobody listens (a bus that is not there).</summary>
    public string DeadAddress => $"unix:path={directory}/nobody-listens";

    public void Dispose()
    {
        ProcessEnd.KillAndDispose(process);
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
