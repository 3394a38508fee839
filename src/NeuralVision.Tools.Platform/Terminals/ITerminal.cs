namespace NeuralVision.Tools.Platform.Terminals;

/// <summary>
/// The person at the terminal: the one prompt interface of nvt. Questions go to the controlling terminal
/// (<c>/dev/tty</c>), as ssh and ssh-keygen ask theirs, so stdin and stdout stay free for data. Tests replace it
/// with scripted answers.
/// </summary>
public interface ITerminal
{
    /// <summary>True when this process has a controlling terminal (<c>/dev/tty</c> opens), whatever stdin is.</summary>
    bool IsAvailable { get; }

    /// <summary>True when stdin is a terminal, so nvt may ask; otherwise every answer must come from options.</summary>
    bool InputIsTerminal { get; }

    /// <summary>True when stdout is a terminal (escape sequences for the terminal itself may be written there).</summary>
    bool OutputIsTerminal { get; }

    /// <summary>True when stderr is a terminal (progress and greetings are only for people).</summary>
    bool ErrorIsTerminal { get; }

    /// <summary>Writes <paramref name="prompt"/> and reads a line, echoed as typed; null at end of input.</summary>
    /// <exception cref="NvtException">There is no terminal to ask on.</exception>
    string? AskLine(string prompt);

    /// <summary>As <see cref="AskLine"/>, with echo off (passwords, passphrases).</summary>
    /// <exception cref="NvtException">There is no terminal to ask on, or echo cannot be turned off.</exception>
    string? AskSecret(string prompt);

    /// <summary>A y/n question: true when the answer starts with 'y'; end of input is no.</summary>
    bool Confirm(string prompt);

    /// <summary>Writes a line on the terminal (not on stdout, which may be piped).</summary>
    void Tell(string line);
}
