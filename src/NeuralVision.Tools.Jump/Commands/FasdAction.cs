namespace NeuralVision.Tools.Jump.Commands;

/// <summary>The things `nvt fasd` does: fasd's query, -A, -D and -h.</summary>
public enum FasdAction
{
    Query,
    Add,
    Delete,
    Help,
}
