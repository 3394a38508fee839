using System.Diagnostics;
using System.Globalization;
using System.Text;
using NeuralVision.Tools.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace NeuralVision.Tools.IntegrationTests.Keys.Corpus;

/// <summary>
/// `nvt keys fingerprint [-v]` judged by the real ssh-keygen on every case of the corpus, in the C and the C.UTF-8
/// locale: where ssh-keygen prints keys, nvt must print the same bytes; where it refuses, nvt must refuse. The few
/// cases where nvt differs on purpose are listed with the reason.
/// </summary>
public sealed class KeysFingerprintCorpusTests : IClassFixture<FingerprintCorpus>
{
    /// <summary>Runs of ssh-keygen compared: label, its flag for nvt, the locale.</summary>
    private static readonly (string Label, string[] Flags, string Locale)[] Runs =
    [
        ("l", [], "C"),
        ("lv", ["-v"], "C"),
        ("l.utf8", [], "C.UTF-8"),
    ];

    /// <summary>Where nvt does not do what ssh-keygen does, on purpose: case, what nvt must do instead, why.</summary>
    private static readonly Dictionary<string, (bool NvtPrints, string Why)> Deliberate = new(StringComparer.Ordinal)
    {
        ["hostile-fifo"] = (false, "ssh-keygen waits forever for a writer; nvt refuses a FIFO at once"),
        ["v1-pub-is-fifo"] = (true, "ssh-keygen hangs on the FIFO id.pub; nvt skips it and shows the private key's own public key"),
    };

    private readonly FingerprintCorpus corpus;
    private readonly ITestOutputHelper output;

    public KeysFingerprintCorpusTests(FingerprintCorpus corpus, ITestOutputHelper output)
    {
        this.corpus = corpus;
        this.output = output;
    }

    [Fact]
    public void Fingerprint_EveryCorpusCase_AsSshKeygenPrintsIt()
    {
        var disagreements = new List<string>();
        int same = 0, refusedBoth = 0, deliberate = 0, runs = 0;
        var cases = corpus.Cases().ToList();
        foreach (string directory in cases)
        {
            string name = Path.GetFileName(directory);
            string target = File.ReadAllText(Path.Combine(directory, "target")).Trim();
            foreach (var (label, flags, locale) in Runs)
            {
                if (!File.Exists(Path.Combine(directory, label + ".rc")))
                {
                    continue;
                }

                runs++;
                int keygenCode = int.Parse(File.ReadAllText(Path.Combine(directory, label + ".rc")).Trim(), CultureInfo.InvariantCulture);
                byte[] keygenOutput = File.ReadAllBytes(Path.Combine(directory, label + ".stdout"));
                // The stdin cases fed ssh-keygen -f - from the file "input".
                string? input = target == "-" ? Path.Combine(directory, "input") : null;
                var nvt = Nvt(directory, locale, input, ["keys", "fingerprint", .. flags, target]);
                string where = $"{name} ({label}, LC_ALL={locale})";
                if (nvt.TimedOut)
                {
                    disagreements.Add($"{where}: nvt did not finish in 20 s");
                }
                else if (Deliberate.TryGetValue(name, out var expected))
                {
                    if ((nvt.ExitCode == 0) != expected.NvtPrints)
                    {
                        disagreements.Add($"{where}: nvt exited {nvt.ExitCode}, expected {(expected.NvtPrints ? "a key" : "a refusal")} ({expected.Why})");
                    }
                    else
                    {
                        deliberate++;
                    }
                }
                else if (name == "hostile-many-lines")
                {
                    // ssh-keygen's output went through `sort | uniq -c`: one line, the count then the line.
                    string counted = Encoding.UTF8.GetString(keygenOutput).Trim();
                    int space = counted.IndexOf(' ', StringComparison.Ordinal);
                    int count = int.Parse(counted[..space], CultureInfo.InvariantCulture);
                    string[] lines = Encoding.UTF8.GetString(nvt.Output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
                    if (nvt.ExitCode == 0 && lines.Length == count && lines.All(line => line == counted[(space + 1)..]))
                    {
                        same++;
                    }
                    else
                    {
                        disagreements.Add($"{where}: expected {counted}, nvt printed {lines.Length} lines, exit {nvt.ExitCode}");
                    }
                }
                else if (keygenCode == 0 && nvt.ExitCode == 0)
                {
                    if (keygenOutput.AsSpan().SequenceEqual(nvt.Output))
                    {
                        same++;
                    }
                    else
                    {
                        disagreements.Add($"{where}: ssh-keygen printed {Show(keygenOutput)}, nvt printed {Show(nvt.Output)}");
                    }
                }
                else if (keygenCode != 0 && nvt.ExitCode != 0)
                {
                    refusedBoth++;
                    if (nvt.Errors.Length == 0 || !nvt.Errors.StartsWith("nvt: ", StringComparison.Ordinal) && !nvt.Errors.StartsWith('@'))
                    {
                        disagreements.Add($"{where}: nvt refused without saying why: {nvt.Errors}");
                    }
                }
                else
                {
                    disagreements.Add($"{where}: ssh-keygen exited {keygenCode} ({Show(keygenOutput)}), nvt exited {nvt.ExitCode} ({Show(nvt.Output)} {nvt.Errors.Trim()})");
                }
            }
        }

        output.WriteLine($"{corpus.Version}; corpus made in {corpus.Elapsed.TotalSeconds:0} s");
        output.WriteLine($"{cases.Count} cases, {runs} ssh-keygen runs compared: {same} same output, {refusedBoth} refused by both, {deliberate} deliberate differences, {disagreements.Count} disagreements");
        Assert.True(cases.Count > 200, $"the corpus has only {cases.Count} cases");
        Assert.True(disagreements.Count == 0, string.Join('\n', disagreements));
    }

    private static string Show(byte[] text)
    {
        string shown = Encoding.UTF8.GetString(text).Replace("\n", "\\n", StringComparison.Ordinal);
        return shown.Length > 300 ? $"'{shown[..300]}…'" : $"'{shown}'";
    }

    /// <summary>The published nvt in the case's directory, with the environment ssh-keygen had; stdout kept as bytes.</summary>
    private static (int ExitCode, byte[] Output, string Errors, bool TimedOut) Nvt(string directory, string locale, string? input, string[] args)
    {
        // Standard input is a file when given (through sh, which opens it), else empty.
        var start = new ProcessStartInfo("sh", ["-c", "exec \"$0\" \"$@\" < \"${NVT_STDIN:-/dev/null}\"", NvtBinary.Path, .. args])
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/bin:/bin";
        start.Environment["HOME"] = "/nonexistent";
        start.Environment["LC_ALL"] = locale;
        if (input is not null)
        {
            start.Environment["NVT_STDIN"] = input;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, [], "", true);
        }

        copy.Wait();
        return (process.ExitCode, stdout.ToArray(), stderr.Result, false);
    }
}
