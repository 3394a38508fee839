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
        var list = new StringBuilder();
        for (int i = 0; i < shown; i++)
        {
            list.Append(CultureInfo.InvariantCulture, $"{(i + 1).ToString(CultureInfo.InvariantCulture),3}  {candidates[i]}\n");
        }

        list.Append(CultureInfo.InvariantCulture, $"nvt: choose 1-{shown.ToString(CultureInfo.InvariantCulture)} (Enter to cancel): ");
        string? answer = terminal.AskLine(list.ToString());
        if (answer is null)
        {
            // End of input (Ctrl-D): end the prompt's line.
            terminal.Tell(string.Empty);
            return new PickResult(null, ExitCodes.Interrupted);
        }

        if (int.TryParse(answer.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number >= 1 && number <= shown)
        {
            return new PickResult(candidates[number - 1], ExitCodes.Ok);
        }

        return new PickResult(null, ExitCodes.NoMatch);
    }
}
