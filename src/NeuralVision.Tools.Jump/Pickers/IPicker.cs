namespace NeuralVision.Tools.Jump.Pickers;

/// <summary>Lets the user choose one of the candidates (best first) on the terminal.</summary>
public interface IPicker
{
    PickResult Pick(IReadOnlyList<string> candidates);
}
