using System.Globalization;

namespace NeuralVision.Tools.Interactive;

/// <summary>
/// The picker when fzf is not installed: a numbered list of the best matches on the terminal, and a number read back.
/// It talks to the terminal (not stdout), so `cd "$(nvt query -i foo)"` still captures only the choice.
/// </summary>
public sealed class NumberedPicker : IPicker
{
    public const int MaxShown = 20;

    private readonly TextReader input;
    private readonly TextWriter screen;

    public NumberedPicker(TextReader input, TextWriter screen)
    {
        this.input = input;
        this.screen = screen;
    }

    public PickResult Pick(IReadOnlyList<string> candidates)
    {
        int shown = Math.Min(candidates.Count, MaxShown);
        for (int i = 0; i < shown; i++)
        {
            screen.Write($"{(i + 1).ToString(CultureInfo.InvariantCulture),3}  {candidates[i]}\n");
        }

        screen.Write($"nvt: choose 1-{shown.ToString(CultureInfo.InvariantCulture)} (Enter to cancel): ");
        screen.Flush();
        string? answer = input.ReadLine();
        if (answer is null)
        {
            screen.Write('\n');
            return new PickResult(null, ExitCodes.Interrupted);
        }

        if (int.TryParse(answer.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number >= 1 && number <= shown)
        {
            return new PickResult(candidates[number - 1], ExitCodes.Ok);
        }

        return new PickResult(null, ExitCodes.NoMatch);
    }
}
