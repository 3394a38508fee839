namespace NeuralVision.Tools.Platform.Files;

/// <summary>Why <see cref="RegularFile"/> did not read a file.</summary>
public enum FileReadProblem
{
    /// <summary>Nothing at the path (ENOENT), also a dangling symbolic link.</summary>
    Missing,

    PermissionDenied,

    /// <summary>A directory, FIFO, socket or device.</summary>
    NotRegular,

    /// <summary>Larger than the caller's cap.</summary>
    TooLarge,

    /// <summary>Any other failure to open or read.</summary>
    Unreadable,
}
