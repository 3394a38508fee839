using System.CommandLine;
using NeuralVision.Tools.Jump.Commands;

namespace NeuralVision.Tools.Tests.Cli;

/// <summary>The hand-written parsers for the hot forms must read arguments exactly as System.CommandLine does.</summary>
public sealed class FastPathParsingTests : IDisposable
{
    private readonly TestContext nvt = new();

    public void Dispose() => nvt.Dispose();

    public static TheoryData<string[]> QueryForms => new()
    {
        { new[] { "query" } },
        { new[] { "query", "foo" } },
        { new[] { "query", "foo", "bar" } },
        { new[] { "query", "--exclude", "/home/u/src", "--", "foo", "bar" } },
        { new[] { "query", "--exclude", "/a", "--exclude", "/b", "foo" } },
        { new[] { "query", "-l", "-s", "foo" } },
        { new[] { "query", "--list", "--score", "--all", "foo" } },
        { new[] { "query", "foo", "--list" } },
        { new[] { "query", "--base-dir", "/srv", "x" } },
        { new[] { "query", "--", "-dash", "--list" } },
        { new[] { "query", "--", } },
        { new[] { "query", "-", "x" } },
        { new[] { "query", "ünï", "日本" } },
    };

    [Theory]
    [MemberData(nameof(QueryForms))]
    public void Query_FastForm_AgreesWithSystemCommandLine(string[] args)
    {
        var fast = QueryCommand.TryParseFastForm(args);
        var full = NvtCli.Build(nvt).Parse(args);

        Assert.NotNull(fast);
        Assert.Empty(full.Errors);
        Assert.Equal(QueryCommand.FromParseResult(full), fast);
    }

    [Theory]
    [InlineData("query", "--help")]
    [InlineData("query", "-h")]
    [InlineData("query", "-ls", "x")]
    [InlineData("query", "--exclude")]
    [InlineData("query", "--exclude=/a", "x")]
    [InlineData("query", "--base-dir", "/a", "--base-dir", "/b")]
    [InlineData("query", "--bogus")]
    [InlineData("add", "x")]
    public void Query_UnusualForms_GoToTheFullParser(params string[] args)
    {
        Assert.Null(QueryCommand.TryParseFastForm(args));
    }

    [Theory]
    [InlineData(new[] { "add", "/a" }, new[] { "/a" })]
    [InlineData(new[] { "add", "--", "/a", "-b" }, new[] { "/a", "-b" })]
    [InlineData(new[] { "add", "a", "b" }, new[] { "a", "b" })]
    public void Add_HookForm_ReturnsThePaths(string[] args, string[] expected)
    {
        Assert.Equal(expected, AddCommand.TryParseHookForm(args));
    }

    [Theory]
    [InlineData("add")]
    [InlineData("add", "--")]
    [InlineData("add", "--score", "2", "/a")]
    [InlineData("add", "--help")]
    [InlineData("query", "/a")]
    public void Add_OtherForms_GoToTheFullParser(params string[] args)
    {
        Assert.Null(AddCommand.TryParseHookForm(args));
    }

    [Fact]
    public void Version_FastPath_PrintsWhatSystemCommandLinePrints()
    {
        var full = new StringWriter();
        int fullCode = NvtCli.Build(nvt).Parse(["--version"]).Invoke(new InvocationConfiguration { Output = full });

        int fastCode = nvt.Run("--version");

        Assert.Equal(fullCode, fastCode);
        Assert.Equal(full.ToString(), nvt.Output.ToString());
        Assert.NotEqual(string.Empty, nvt.Output.ToString().Trim());
    }
}
