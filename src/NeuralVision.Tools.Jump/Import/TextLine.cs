namespace NeuralVision.Tools.Jump.Import;

/// <summary>One line of a text file: its text (null when it is not valid UTF-8), without the '\n' or a '\r' before it.</summary>
internal readonly record struct TextLine(string? Text, bool IsBlank);
