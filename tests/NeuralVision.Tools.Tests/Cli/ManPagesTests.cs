using System.CommandLine;
using System.Diagnostics;

namespace NeuralVision.Tools.Tests.Cli;

/// <summary>The manual pages come from the command tree: every command and option is in them, and they are valid roff.</summary>
public sealed class ManPagesTests
{
    private static RootCommand Root()
    {
        using var context = new TestContext();
        return NvtCli.Build(context);
    }

    [Fact]
    public void Render_EveryCommandHasAPage_AndEveryOptionIsInIt()
    {
        var root = Root();
        var pages = ManPages.Render(root, "1.2.3", "2026-12-01").ToDictionary(page => page.Name, page => page.Text);
        Assert.Contains("nvt.1", pages.Keys);
        foreach (var (path, command) in ManPages.Commands(root, []))
        {
            string name = $"nvt-{string.Join('-', path)}.1";
            Assert.True(pages.TryGetValue(name, out string? page), $"no page {name}");
            Assert.Contains(ManPages.Escape(string.Join(' ', path)), pages["nvt.1"], StringComparison.Ordinal);
            foreach (var option in ManPages.VisibleOptions(command))
            {
                foreach (string alias in option.Aliases.Append(option.Name))
                {
                    Assert.True(page!.Contains("\\fB" + ManPages.Escape(alias) + "\\fR", StringComparison.Ordinal), $"{name} lacks {alias}");
                }
            }
        }
    }

    [Fact]
    public void Render_Overview_ListsEveryNvtVariableNvtReads()
    {
        string overview = ManPages.Render(Root(), "1.2.3", "2026-12-01").First().Text;
        var variables = typeof(NeuralVision.Tools.Platform.Settings.EnvVars).GetFields()
            .Select(field => (string)field.GetRawConstantValue()!)
            .Where(name => name.StartsWith("NVT_", StringComparison.Ordinal));
        foreach (string variable in variables)
        {
            Assert.Contains(".B " + variable + "\n", overview, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Write_PagesPassMandocLint()
    {
        using var directory = new TempDirectory();
        var names = ManPages.Write(Root(), directory.Path, "1.2.3", "2026-12-01");
        Assert.True(names.Count > 10);
        foreach (string name in names)
        {
            var lint = Process.Start(new ProcessStartInfo("mandoc", ["-T", "lint", "-W", "warning", Path.Combine(directory.Path, name)])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            string report = lint.StandardOutput.ReadToEnd() + lint.StandardError.ReadToEnd();
            lint.WaitForExit();
            Assert.True(lint.ExitCode == 0, $"mandoc -T lint {name}:\n{report}");
        }
    }

    [Fact]
    public void Escape_HyphensBackslashesAndLeadingDots()
    {
        Assert.Equal("\\-\\-list", ManPages.Escape("--list"));
        Assert.Equal("a\\eb", ManPages.Escape("a\\b"));
        Assert.Equal("\\&.hidden", ManPages.Escape(".hidden"));
    }
}
