namespace NeuralVision.Tools.Jump;

/// <summary>One word of a command line: its text after quote removal, whether any of it was quoted, and whether it uses $ or a glob.</summary>
public readonly record struct CommandLineWord(string Text, bool Quoted, bool Expands);
