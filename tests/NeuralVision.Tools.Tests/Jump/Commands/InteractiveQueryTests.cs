using NeuralVision.Tools.Jump.Pickers;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Processes;

namespace NeuralVision.Tools.Tests.Jump.Commands;

public sealed class InteractiveQueryTests : IDisposable
{
    private readonly TestContext nvt = new();

    public void Dispose() => nvt.Dispose();

    [Fact]
    public void NumberedPicker_ListsBestFirstAndReturnsTheChosenPath()
    {
        var terminal = new TestTerminal("2");
        var picker = new NumberedPicker(terminal);

        var result = picker.Pick(["/best", "/second", "/third"]);

        Assert.Equal(new PickResult("/second", ExitCodes.Ok), result);
        Assert.Equal("  1  /best\n  2  /second\n  3  /third\nnvt: choose 1-3 (Enter to cancel): ", terminal.Screen);
    }

    [Theory]
    [InlineData("", ExitCodes.NoMatch)] // empty answer
    [InlineData("\u001b", ExitCodes.NoMatch)] // Esc then Enter
    [InlineData("9", ExitCodes.Interrupted)] // out of range, asked again, then end of input
    [InlineData(null, ExitCodes.Interrupted)] // end of input (Ctrl-D)
    public void NumberedPicker_NoValidChoice_LeavesNothingChosen(string? answer, int exitCode)
    {
        var terminal = answer is null ? new TestTerminal() : new TestTerminal(answer);

        var result = new NumberedPicker(terminal).Pick(["/a", "/b"]);

        Assert.Equal(new PickResult(null, exitCode), result);
    }

    [Theory]
    [InlineData("9")]
    [InlineData("0")]
    [InlineData("two")]
    public void NumberedPicker_AnswerOutOfRange_AsksAgain(string wrong)
    {
        var terminal = new TestTerminal(wrong, "2");

        var result = new NumberedPicker(terminal).Pick(["/a", "/b"]);

        Assert.Equal(new PickResult("/b", ExitCodes.Ok), result);
        Assert.Equal($"nvt: '{wrong}' is not a number from 1-2; choose again (Enter to cancel): ", terminal.Prompts[^1]);
    }

    [Fact]
    public void NumberedPicker_EndOfInput_EndsThePromptLine()
    {
        var terminal = new TestTerminal();

        new NumberedPicker(terminal).Pick(["/a"]);

        Assert.EndsWith("(Enter to cancel): \n", terminal.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public void NumberedPicker_ShowsAtMostTwenty()
    {
        var terminal = new TestTerminal(string.Empty);
        var candidates = Enumerable.Range(1, 30).Select(i => $"/d{i}").ToList();

        new NumberedPicker(terminal).Pick(candidates);

        Assert.Contains(" 20  /d20\n", terminal.Screen, StringComparison.Ordinal);
        Assert.DoesNotContain("/d21", terminal.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public void NumberedPicker_NoTerminal_SaysSoInOneLine()
    {
        var terminal = new TestTerminal { IsAvailable = false };

        var error = Assert.Throws<NvtException>(() => new NumberedPicker(terminal).Pick(["/a"]));

        Assert.Equal("choosing interactively needs a terminal (or fzf)", error.Message);
    }

    [Fact]
    public void QueryInteractive_PrintsOnlyTheChoice()
    {
        string a = nvt.MakeDirectory("x/proj-a");
        string b = nvt.MakeDirectory("x/proj-b");
        nvt.Run("add", "--score", "5", a);
        nvt.Run("add", b);
        nvt.ProcessRunner.Programs["fzf"] = "/usr/bin/fzf";
        nvt.ProcessRunner.OnCapture = request => new CapturedRun(0, request.Input!.Split('\0')[1] + "\0", "");

        Assert.Equal(ExitCodes.Ok, nvt.Run("query", "--interactive", "proj"));

        var fzf = nvt.ProcessRunner.Captures.Single();
        Assert.Equal(a + "\0" + b + "\0", fzf.Input);
        Assert.Equal(["--read0", "--print0"], fzf.Arguments);
        Assert.Equal(b + "\n", nvt.Output.ToString());
    }

    [Fact]
    public void QueryInteractive_FzfOptions_ExtendFzfDefaultOpts()
    {
        nvt.Run("add", nvt.MakeDirectory("x/proj"));
        nvt.Variables["FZF_DEFAULT_OPTS"] = "--no-mouse";
        nvt.Variables["NVT_FZF_OPTS"] = "--height=10";
        nvt.ProcessRunner.Programs["fzf"] = "/usr/bin/fzf";
        nvt.ProcessRunner.OnCapture = _ => new CapturedRun(130, "", "");

        nvt.Run("query", "-i", "proj");

        Assert.Equal("--no-mouse --height=10", nvt.ProcessRunner.Captures.Single().Environment!["FZF_DEFAULT_OPTS"]);
    }

    [Fact]
    public void QueryInteractive_Cancelled_PrintsNothingAndKeepsTheStatus()
    {
        nvt.Run("add", nvt.MakeDirectory("x/proj"));
        nvt.ProcessRunner.Programs["fzf"] = "/usr/bin/fzf";
        nvt.ProcessRunner.OnCapture = _ => new CapturedRun(130, "", "");

        Assert.Equal(ExitCodes.Interrupted, nvt.Run("query", "-i", "proj"));
        Assert.Equal("", nvt.Output.ToString());
    }

    [Fact]
    public void QueryInteractive_WithoutFzf_AsksOnTheTerminal()
    {
        string a = nvt.MakeDirectory("x/proj-a");
        nvt.Run("add", a);
        nvt.Terminal.Answer("1");

        Assert.Equal(ExitCodes.Ok, nvt.Run("query", "-i", "proj"));

        Assert.Equal(a + "\n", nvt.Output.ToString());
        Assert.StartsWith($"  1  {a}\n", nvt.Terminal.Screen, StringComparison.Ordinal);
    }
}
