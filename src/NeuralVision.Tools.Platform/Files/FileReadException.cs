namespace NeuralVision.Tools.Platform.Files;

/// <summary>
/// A file <see cref="RegularFile"/> would not or could not read. <see cref="Reason"/> is the second half of a
/// sentence whose first half is the path ("is a FIFO, not a regular file", "no such file or directory"); the message
/// is the whole sentence, naming the file.
/// </summary>
public sealed class FileReadException : IOException
{
    public FileReadException(string path, FileReadProblem problem, string reason)
        : base(problem is FileReadProblem.NotRegular or FileReadProblem.TooLarge ? $"{path} {reason}" : $"{path}: {reason}")
    {
        Path = path;
        Problem = problem;
        Reason = reason;
    }

    public FileReadException()
        : this("", FileReadProblem.Unreadable, "cannot be read")
    {
    }

    public FileReadException(string message)
        : this("", FileReadProblem.Unreadable, message)
    {
    }

    public FileReadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = "";
        Reason = message;
    }

    public string Path { get; }

    public FileReadProblem Problem { get; }

    public string Reason { get; }
}
