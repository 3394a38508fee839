using System.Globalization;
using System.Text;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Terminals;

namespace NeuralVision.Tools.Jump.Pickers;

/// <summary>
/// The picker when fzf is not installed: a numbered list of the best matches on the terminal, and a number read back.
/// It talks to the terminal (not stdout), so `cd "$(nvt query -i foo)"` still captures only the choice.
/// </summary>
public sealed class NumberedPicker : IPicker
{
    public const int MaxShown = 20;

    private readonly ITerminal terminal;

    public NumberedPicker(ITerminal terminal)
    {
        this.terminal = terminal;
    }

    public PickResult Pick(IReadOnlyList<string> candidates)
    {
        if (!terminal.IsAvailable)
        {
            throw new NvtException("choosing interactively needs a terminal (or fzf)");
        }

        int shown = Math.Min(candidates.Count, MaxShown);
        string range = $"1-{shown.ToString(CultureInfo.InvariantCulture)}";
        var prompt = new StringBuilder();
        for (int i = 0; i < shown; i++)
        {
            prompt.Append(CultureInfo.InvariantCulture, $"{(i + 1).ToString(CultureInfo.InvariantCulture),3}  {candidates[i]}\n");
        }

        prompt.Append(CultureInfo.InvariantCulture, $"nvt: choose {range} (Enter to cancel): ");
        while (true)
        {
            string? answer = terminal.AskLine(prompt.ToString());
            if (answer is null)
            {
                // End of input (Ctrl-D): end the prompt's line.
                terminal.Tell(string.Empty);
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
            prompt.Clear().Append(CultureInfo.InvariantCulture, $"nvt: '{answer}' is not a number from {range}; choose again (Enter to cancel): ");
        }
    }
}
