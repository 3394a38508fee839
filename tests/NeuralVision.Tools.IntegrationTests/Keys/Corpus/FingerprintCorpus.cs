using System.Diagnostics;
using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Keys.Corpus;

/// <summary>
/// The fingerprint corpus, made once per test run by make-corpus.sh in a temp directory: some 230 cases of key files of
/// every kind OpenSSH reads (and many it refuses), each with what the real ssh-keygen printed for it. Nothing of it is
/// committed but the generator: the keys are new every run, ssh-keygen's verdicts are taken fresh on this machine.
/// </summary>
public sealed class FingerprintCorpus : IDisposable
{
    public FingerprintCorpus()
    {
        Root = Directory.CreateTempSubdirectory("nvt-corpus-").FullName;
        string script = Path.Combine(NvtBinary.RepositoryRoot(), "tests", "NeuralVision.Tools.IntegrationTests", "Keys", "Corpus", "make-corpus.sh");
        var clock = Stopwatch.StartNew();
        var made = ChildProcess.Run("bash", [script, Root], environment: new Dictionary<string, string> { ["CORPUS_KEEP_BIG"] = "1" }, timeout: TimeSpan.FromMinutes(10));
        Elapsed = clock.Elapsed;
        if (made.ExitCode != 0 || !File.Exists(Path.Combine(Root, "manifest.json")))
        {
            throw new InvalidOperationException($"make-corpus.sh failed ({made.ExitCode}): {made.Stderr}");
        }

        Version = File.ReadAllText(Path.Combine(Root, "VERSION")).Split('\n')[0];
    }

    public string Root { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>ssh-keygen's version line, e.g. "OpenSSH_9.2p1 Debian-2+deb12u10, OpenSSL 3.0.19 27 Jan 2026".</summary>
    public string Version { get; }

    /// <summary>The case directories that ran `ssh-keygen -l` (the base keys are not a case).</summary>
    public IEnumerable<string> Cases() =>
        Directory.GetDirectories(Root)
            .Where(directory => !Path.GetFileName(directory).StartsWith('_') && File.Exists(Path.Combine(directory, "target")) && File.Exists(Path.Combine(directory, "l.rc")))
            .Order(StringComparer.Ordinal);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
