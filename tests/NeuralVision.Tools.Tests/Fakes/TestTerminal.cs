using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Terminals;

namespace NeuralVision.Tools.Tests.Fakes;

/// <summary>
/// A terminal with scripted answers: each question takes the next answer (null once they run out, as at end of
/// input), and everything asked and told is recorded, in <see cref="Screen"/> as it would appear.
/// </summary>
public sealed class TestTerminal : ITerminal
{
    private readonly Queue<string> answers;

    public TestTerminal(params string[] answers)
    {
        this.answers = new Queue<string>(answers);
    }

    /// <summary>False: no /dev/tty, so asking throws as the real terminal does.</summary>
    public bool IsAvailable { get; set; } = true;

    public bool InputIsTerminal { get; set; }

    public bool OutputIsTerminal { get; set; }

    public bool ErrorIsTerminal { get; set; }

    /// <summary>Every question, in order.</summary>
    public List<string> Prompts { get; } = [];

    /// <summary>Every line told.</summary>
    public List<string> Told { get; } = [];

    /// <summary>What the terminal shows: prompts, and told lines with their newline (answers are not echoed here).</summary>
    public string Screen { get; private set; } = string.Empty;

    public void Answer(params string[] more)
    {
        foreach (string answer in more)
        {
            answers.Enqueue(answer);
        }
    }

    public string? AskLine(string prompt)
    {
        if (!IsAvailable)
        {
            throw new NvtException("no terminal to ask on (/dev/tty cannot be opened)");
        }

        Prompts.Add(prompt);
        Screen += prompt;
        return answers.TryDequeue(out string? answer) ? answer : null;
    }

    public string? AskSecret(string prompt) => AskLine(prompt);

    public bool Confirm(string prompt) => AskLine(prompt) is string answer && answer.TrimStart().StartsWith('y');

    public void Tell(string line)
    {
        Told.Add(line);
        Screen += line + "\n";
    }
}
