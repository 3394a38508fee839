using NeuralVision.Tools.Interactive;

namespace NeuralVision.Tools.Tests.Commands;

public sealed class InteractiveQueryTests : IDisposable
{
    private readonly TestContext nvt = new();

    public void Dispose() => nvt.Dispose();

    [Fact]
    public void NumberedPicker_ListsBestFirstAndReturnsTheChosenPath()
    {
        var screen = new StringWriter();
        var picker = new NumberedPicker(new StringReader("2\n"), screen);

        var result = picker.Pick(["/best", "/second", "/third"]);

        Assert.Equal(new PickResult("/second", ExitCodes.Ok), result);
        Assert.Equal("  1  /best\n  2  /second\n  3  /third\nnvt: choose 1-3 (Enter to cancel): ", screen.ToString());
    }

    [Theory]
    [InlineData("\n", ExitCodes.NoMatch)] // empty answer
    [InlineData("\u001b\n", ExitCodes.NoMatch)] // Esc then Enter
    [InlineData("9\n\n", ExitCodes.NoMatch)] // out of range, asked again, then an empty answer
    [InlineData("", ExitCodes.Interrupted)] // end of input (Ctrl-D)
    public void NumberedPicker_NoValidChoice_LeavesNothingChosen(string input, int exitCode)
    {
        var result = new NumberedPicker(new StringReader(input), new StringWriter()).Pick(["/a", "/b"]);

        Assert.Equal(new PickResult(null, exitCode), result);
    }

    [Theory]
    [InlineData("9")]
    [InlineData("0")]
    [InlineData("two")]
    public void NumberedPicker_AnswerOutOfRange_AsksAgain(string wrong)
    {
        var screen = new StringWriter();
        var result = new NumberedPicker(new StringReader(wrong + "\n2\n"), screen).Pick(["/a", "/b"]);

        Assert.Equal(new PickResult("/b", ExitCodes.Ok), result);
        Assert.EndsWith($"nvt: choose 1-2 (Enter to cancel): nvt: '{wrong}' is not a number from 1-2; choose again (Enter to cancel): ", screen.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void NumberedPicker_ShowsAtMostTwenty()
    {
        var screen = new StringWriter();
        var candidates = Enumerable.Range(1, 30).Select(i => $"/d{i}").ToList();

        new NumberedPicker(new StringReader("\n"), screen).Pick(candidates);

        Assert.Contains(" 20  /d20\n", screen.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("/d21", screen.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void QueryInteractive_PrintsOnlyTheChoice()
    {
        string a = nvt.MakeDirectory("x/proj-a");
        string b = nvt.MakeDirectory("x/proj-b");
        nvt.Run("add", "--score", "5", a);
        nvt.Run("add", b);
        var offered = new List<string>();
        nvt.PickerFactory = () => new RecordingPicker(offered, choice: 1);

        Assert.Equal(ExitCodes.Ok, nvt.Run("query", "--interactive", "proj"));

        Assert.Equal([a, b], offered);
        Assert.Equal(b + "\n", nvt.Output.ToString());
    }

    [Fact]
    public void QueryInteractive_Cancelled_PrintsNothingAndKeepsTheStatus()
    {
        nvt.Run("add", nvt.MakeDirectory("x/proj"));
        nvt.PickerFactory = () => new RecordingPicker([], choice: null);

        Assert.Equal(ExitCodes.Interrupted, nvt.Run("query", "-i", "proj"));
        Assert.Equal("", nvt.Output.ToString());
    }

    private sealed class RecordingPicker(List<string> offered, int? choice) : IPicker
    {
        public PickResult Pick(IReadOnlyList<string> candidates)
        {
            offered.AddRange(candidates);
            return choice is int index ? new PickResult(candidates[index], ExitCodes.Ok) : new PickResult(null, ExitCodes.Interrupted);
        }
    }
}
