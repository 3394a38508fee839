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

        string range = $"1-{shown.ToString(CultureInfo.InvariantCulture)}";
        screen.Write($"nvt: choose {range} (Enter to cancel): ");
        while (true)
        {
            screen.Flush();
            string? answer = input.ReadLine();
            if (answer is null)
            {
                screen.Write('\n');
                return new PickResult(null, ExitCodes.Interrupted);
            }

            answer = answer.Trim();
            if (answer.Length == 0 || answer.Contains('\u001b', StringComparison.Ordinal))
            {
                // Enter alone, or Esc (then Enter): the user chose nothing.
                return new PickResult(null, ExitCodes.NoMatch);
            }

            if (int.TryParse(answer, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number >= 1 && number <= shown)
            {
                return new PickResult(candidates[number - 1], ExitCodes.Ok);
            }

            // A typo is not a decision to give up: say what is accepted and ask again.
            screen.Write($"nvt: '{answer}' is not a number from {range}; choose again (Enter to cancel): ");
        }
    }
}
