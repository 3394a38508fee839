namespace NeuralVision.Tools.Jump.Sync;

/// <summary>A state file or message that is not one this nvt can merge: cut short, damaged, garbage, or from a newer nvt.</summary>
public sealed class SyncFormatException : Exception
{
    public SyncFormatException()
    {
    }

    public SyncFormatException(string message)
        : base(message)
    {
    }

    public SyncFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
