namespace NeuralVision.Tools.Benchmarks;

/// <summary>
/// A deterministic, realistic-looking set of directories such as /home/u/src/project12/module3/include. Names share
/// words ("project", "module", "src") the way real trees do, so keywords hit several entries and the name pre-filter
/// has real work to do. bench/process-bench.sh generates the same shape of tree in awk for the whole-process timings.
/// </summary>
public static class PathGenerator
{
    /// <summary>The 2-keyword query every benchmark runs; it matches <see cref="TargetPath"/> and its look-alikes.</summary>
    public static readonly IReadOnlyList<string> QueryKeywords = ["project12", "module3"];

    /// <summary>Always in the set, so the query matches at every size.</summary>
    public const string TargetPath = "/home/u/src/project12/module3";

    /// <summary>A fixed "now" (Unix seconds) so scores, and therefore result order, never depend on the clock.</summary>
    public const long Now = 1_750_000_000;

    private const int Seed = 20240611;

    private static readonly string[] Areas = ["src", "work", "repos", "docs", "notes", "build", "dev", "opt"];
    private static readonly string[] Projects = ["project", "alpha", "beta", "gamma", "delta", "atlas", "nova", "orion", "zephyr", "kappa"];
    private static readonly string[] Modules = ["module", "core", "api", "web", "cli", "lib", "test", "docs", "tools", "data"];
    private static readonly string[] Leaves = ["src", "include", "build", "bin", "out", "assets", "scripts", "config"];

    /// <summary><paramref name="count"/> distinct absolute paths under <paramref name="root"/> ("" for /home/u/...).</summary>
    public static List<string> Generate(int count, string root = "")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);

        // Project numbers grow with the set so that uniqueness never needs many retries (about 100 paths per number).
        int projectNumbers = Math.Max(20, count / 100);
        var random = new Random(Seed);
        var seen = new HashSet<string>(StringComparer.Ordinal) { root + TargetPath };
        var paths = new List<string>(count) { root + TargetPath };
        while (paths.Count < count)
        {
            string path = root + "/home/u/"
                + Areas[random.Next(Areas.Length)] + "/"
                + Projects[random.Next(Projects.Length)] + random.Next(projectNumbers).ToString(System.Globalization.CultureInfo.InvariantCulture) + "/"
                + Modules[random.Next(Modules.Length)] + random.Next(10).ToString(System.Globalization.CultureInfo.InvariantCulture);

            // A third of the entries go one level deeper, as build and source folders do.
            if (random.Next(3) == 0)
            {
                path += "/" + Leaves[random.Next(Leaves.Length)];
            }

            if (seen.Add(path))
            {
                paths.Add(path);
            }
        }

        return paths;
    }

    /// <summary>
    /// Every <paramref name="step"/>-th path: the subsets that get extra visits so that ranks and last-access times
    /// differ, as they do in a database that has been used for a while.
    /// </summary>
    public static List<string> EveryNth(IReadOnlyList<string> paths, int step) =>
        paths.Where((_, index) => index % step == 0).ToList();
}
