using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Keys;

/// <summary>Runs the real OpenSSH ssh-keygen, the judge of nvt's key files.</summary>
internal static class SshKeygen
{
    public static ProcessResult Run(params string[] args) => ChildProcess.Run("ssh-keygen", args);

    /// <summary>Runs ssh-keygen and fails the test, with its stderr, when it does not exit 0.</summary>
    public static string Output(params string[] args)
    {
        var result = Run(args);
        Assert.True(result.ExitCode == 0, $"ssh-keygen {string.Join(' ', args)} exited {result.ExitCode}: {result.Stderr}");
        return result.Stdout;
    }
}
