namespace NeuralVision.Tools.Ssh;

/// <summary>
/// The questions `nvt keys copy` may have to ask a person. The engine never reads or writes the console itself; the
/// command supplies the terminal (or SSH_ASKPASS), tests supply scripted answers.
/// </summary>
public interface IKeyCopyPrompts
{
    /// <summary>A password or passphrase, asked without echo; null when there is nobody to ask or they gave up.</summary>
    string? AskSecret(string prompt);

    /// <summary>True when a yes/no question can be asked on a terminal (unknown host keys are only accepted there).</summary>
    bool CanConfirm { get; }

    /// <summary>Asks with echo on the terminal; null at end of input.</summary>
    string? AskLine(string prompt);

    /// <summary>A message for the person (stderr), e.g. the "Permanently added" warning.</summary>
    void Tell(string line);
}
