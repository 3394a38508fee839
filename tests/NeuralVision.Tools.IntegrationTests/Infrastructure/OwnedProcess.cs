using System.Diagnostics;
using System.Text;

namespace NeuralVision.Tools.IntegrationTests.Infrastructure;

/// <summary>
/// A long-running helper program (Xvfb, Konsole) in a session and process group of its own (setsid), with a clean
/// environment and its stdout and stderr collected. Stop ends the group, then whatever descendants had left it (a
/// Konsole tab's shell and its jobs have sessions of their own), each checked by start time, so only what this
/// program started is ever signalled.
/// </summary>
public sealed class OwnedProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder errors = new();
    private readonly Lock gate = new();
    private readonly TaskCompletionSource<string> firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private OwnedProcess(Process process, string name)
    {
        this.process = process;
        Name = name;
    }

    public string Name { get; }

    public int Id => process.Id;

    public ProcessMark Mark { get; private set; }

    public bool HasExited => process.HasExited;

    public string Output
    {
        get
        {
            lock (gate)
            {
                return output.ToString();
            }
        }
    }

    public string Errors
    {
        get
        {
            lock (gate)
            {
                return errors.ToString();
            }
        }
    }

    /// <summary>"exited with code N" or "still running", for failure messages.</summary>
    public string Status => process.HasExited ? $"exited with code {process.ExitCode}" : "still running";

    /// <param name="environment">The whole environment of the program (nothing is inherited).</param>
    public static OwnedProcess Start(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(environment);

        // setsid forks only when its caller leads a process group, which a child just forked by .NET never does: the
        // pid stays the program's, and it leads its own session and group.
        var start = new ProcessStartInfo("setsid", [program, .. args])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + program);
        var owned = new OwnedProcess(process, Path.GetFileName(program));
        owned.Mark = ProcessTree.Mark(process.Id) ?? new ProcessMark(process.Id, -1);
        process.StandardInput.Close();
        process.OutputDataReceived += (_, e) => owned.Collect(owned.output, e.Data, isOutput: true);
        process.ErrorDataReceived += (_, e) => owned.Collect(owned.errors, e.Data, isOutput: false);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return owned;
    }

    /// <summary>The first non-empty line on stdout, or null when none came in time (or the program ended first).</summary>
    public async Task<string?> FirstOutputLineAsync(TimeSpan timeout)
    {
        var exited = process.WaitForExitAsync();
        var done = await Task.WhenAny(firstLine.Task, exited, Task.Delay(timeout)).ConfigureAwait(false);
        return done == firstLine.Task ? firstLine.Task.Result : firstLine.Task.IsCompleted ? firstLine.Task.Result : null;
    }

    /// <summary>
    /// SIGTERM to the process group, SIGKILL after <paramref name="grace"/>; then SIGKILL to the descendants that were
    /// there before and still run (they are in sessions of their own, or were reparented when the program ended).
    /// </summary>
    public void Stop(TimeSpan grace)
    {
        IReadOnlyList<ProcessMark> descendants = [];
        try
        {
            if (!process.HasExited)
            {
                descendants = ProcessTree.Descendants(process.Id);
                ProcessTree.Signal(-process.Id, "TERM");
                if (!process.WaitForExit(grace))
                {
                    ProcessTree.Signal(-process.Id, "KILL");
                    process.Kill();
                    process.WaitForExit(TimeSpan.FromSeconds(5));
                }
            }

            foreach (var left in descendants.Where(d => d.IsRunning))
            {
                ProcessTree.Signal(left.Pid, "KILL");
            }

            ProcessTree.WaitUntilGone(descendants, TimeSpan.FromSeconds(5));
        }
        catch (InvalidOperationException)
        {
        }
    }

    public void Dispose()
    {
        Stop(TimeSpan.FromSeconds(5));
        process.Dispose();
    }

    private void Collect(StringBuilder into, string? line, bool isOutput)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            into.Append(line).Append('\n');
        }

        if (isOutput && line.Trim().Length > 0)
        {
            firstLine.TrySetResult(line.Trim());
        }
    }
}
