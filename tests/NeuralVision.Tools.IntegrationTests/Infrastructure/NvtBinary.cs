using System.Diagnostics;

namespace NeuralVision.Tools.IntegrationTests.Infrastructure;

/// <summary>
/// The published native-AOT nvt these tests run: $NVT_BINARY (test.sh sets it), or else a binary published once per
/// test run from this checkout, so `dotnet test` alone also works.
/// </summary>
public static class NvtBinary
{
    private static readonly Lazy<string> PathLazy = new(Locate, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => PathLazy.Value;

    private static string Locate()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("NVT_BINARY");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            if (!File.Exists(fromEnvironment))
            {
                throw new InvalidOperationException($"NVT_BINARY points to {fromEnvironment}, which does not exist");
            }

            return fromEnvironment;
        }

        string root = RepositoryRoot();
        string output = System.IO.Path.Combine(root, "artifacts", "test-publish");
        var publish = Process.Start(new ProcessStartInfo("dotnet", ["publish", "src/NeuralVision.Tools", "-c", "Release", "-o", output, "--nologo"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        string log = publish.StandardOutput.ReadToEnd() + publish.StandardError.ReadToEnd();
        publish.WaitForExit();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet publish failed:\n" + log);
        }

        return System.IO.Path.Combine(output, "nvt");
    }

    /// <summary>The checkout these tests were built from (the directory holding NeuralVision.Tools.sln).</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "NeuralVision.Tools.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("cannot find NeuralVision.Tools.sln above " + AppContext.BaseDirectory);
    }
}
