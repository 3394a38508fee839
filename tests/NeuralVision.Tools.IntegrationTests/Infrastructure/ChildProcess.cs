using System.Diagnostics;

namespace NeuralVision.Tools.IntegrationTests.Infrastructure;

/// <summary>Runs a helper program (ssh, ssh-keygen, useradd, …) to the end with its output captured.</summary>
public static class ChildProcess
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <param name="stdin">Written to the program's stdin, which is then closed (closed at once when null).</param>
    /// <param name="environment">Variables set on top of this process's environment.</param>
    public static ProcessResult Run(
        string program,
        IEnumerable<string> args,
        string? stdin = null,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program, args)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + program);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(timeout ?? DefaultTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in {(timeout ?? DefaultTimeout).TotalSeconds} s");
        }

        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }
}
