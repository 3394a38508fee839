using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Jump.Import;

/// <summary>
/// A file that cannot be imported at all (wrong version, unreadable): the message starts with the file name, and nvt
/// exits with <see cref="ExitCodes.BadImportFile"/>.
/// </summary>
public sealed class ImportException : NvtException
{
    public ImportException(string message)
        : base(message, ExitCodes.BadImportFile)
    {
    }

    public ImportException(string message, Exception inner)
        : base(message, ExitCodes.BadImportFile, [], inner)
    {
    }
}
