using NeuralVision.Tools.Platform.Native;

namespace NeuralVision.Tools.Platform.Files;

/// <summary>
/// The short phrase for a failed file operation ("no such file or directory", "permission denied"), never the .NET
/// exception's own message: the published binary is built with UseSystemResourceKeys, so the BCL's messages are
/// resource keys such as IO_FileNotFound_FileName, which mean nothing to a person.
/// </summary>
public static class FileErrors
{
    public static string Describe(Exception e) => e switch
    {
        FileReadException read => read.Reason,
        FileNotFoundException or DirectoryNotFoundException => "no such file or directory",
        UnauthorizedAccessException => "permission denied",
        PathTooLongException => "the path is too long",
        // On Unix the BCL puts the errno in HResult for the IOExceptions it makes from a failed system call.
        IOException { HResult: > 0 and < 4096 } io => Describe(io.HResult),
        _ => "input/output error",
    };

    /// <summary>strerror(3) of an errno, in lower case as nvt's sentences continue it.</summary>
    public static string Describe(int errno)
    {
        string text = LibC.ErrorText(errno);
        return text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }
}
