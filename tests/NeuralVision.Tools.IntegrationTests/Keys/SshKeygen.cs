using System.Diagnostics;
using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Keys;

/// <summary>Runs the real OpenSSH ssh-keygen, the judge of nvt's key files.</summary>
internal static class SshKeygen
{
    public static ProcessResult Run(params string[] args)
    {
        var clock = Stopwatch.StartNew();
        var start = new ProcessStartInfo("ssh-keygen", args)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"ssh-keygen {string.Join(' ', args)} did not finish in 60 s");
        }

        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }

    /// <summary>Runs ssh-keygen and fails the test, with its stderr, when it does not exit 0.</summary>
    public static string Output(params string[] args)
    {
        var result = Run(args);
        Assert.True(result.ExitCode == 0, $"ssh-keygen {string.Join(' ', args)} exited {result.ExitCode}: {result.Stderr}");
        return result.Stdout;
    }
}
