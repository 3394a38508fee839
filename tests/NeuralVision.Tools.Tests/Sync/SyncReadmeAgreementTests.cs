namespace NeuralVision.Tools.Tests.Sync;

/// <summary>
/// The README documents every option of `nvt sync` and `nvt prune` (its heading names each, its table has a row for
/// each), and --help lists the same ones, so the three cannot drift apart.
/// </summary>
public sealed class SyncReadmeAgreementTests
{
    private static readonly string Readme = File.ReadAllText(RepositoryFiles.Readme);

    [Theory]
    [InlineData("sync", "### `nvt sync")]
    [InlineData("prune", "### `nvt prune")]
    public void EveryVisibleOption_IsInTheHeadingTheTableAndTheHelp(string name, string headingStart)
    {
        using var context = new TestContext();
        var command = NvtCli.Build(context).Subcommands.Single(c => c.Name == name);
        string heading = Readme.Split('\n').Single(line => line.StartsWith(headingStart, StringComparison.Ordinal));
        string help = Help(context, name);
        var options = command.Options.Where(o => !o.Hidden && o.Name != "--help").ToList();
        Assert.NotEmpty(options);
        foreach (var option in options)
        {
            Assert.Contains(option.Name, heading, StringComparison.Ordinal);
            Assert.Contains($"| `{option.Name}", Readme, StringComparison.Ordinal);
            Assert.Contains(option.Name, help, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Serve_IsHiddenFromHelp_ButDocumented()
    {
        using var context = new TestContext();
        Assert.DoesNotContain(Help(context, "sync").Split('\n'), line => line.TrimStart().StartsWith("--serve", StringComparison.Ordinal));
        Assert.Contains("nvt sync --serve", Readme, StringComparison.Ordinal);
    }

    private static string Help(TestContext context, string name)
    {
        Assert.Equal(0, context.Run(name, "--help"));
        return context.Output.ToString();
    }
}
