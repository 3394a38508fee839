namespace NeuralVision.Tools.IntegrationTests.Shell;

/// <summary>The few places where the shells spell the same thing differently.</summary>
public static class TestShellSyntax
{
    /// <summary>The name `nvt init` takes.</summary>
    public static string InitName(this TestShell shell) => shell.ToString().ToLowerInvariant();

    /// <summary>The executable that runs the shell's integration.</summary>
    public static string Executable(this TestShell shell) => shell switch
    {
        TestShell.Bash => "/usr/bin/bash",
        TestShell.Zsh => "/usr/bin/zsh",
        TestShell.Fish => "/usr/bin/fish",
        _ => "/usr/bin/dash",
    };

    /// <summary>The exit status of the last command.</summary>
    public static string StatusVariable(this TestShell shell) => shell == TestShell.Fish ? "$status" : "$?";

    /// <summary>The line a user puts in the rc file (given nvt's options).</summary>
    public static string InitLine(this TestShell shell, string options = "")
    {
        string arguments = (shell.InitName() + " " + options).TrimEnd();
        return shell == TestShell.Fish ? $"nvt init {arguments} | source" : $"eval \"$(nvt init {arguments})\"";
    }

    /// <summary>A word every shell reads back as <paramref name="text"/> (single quotes; test paths hold none).</summary>
    public static string Quote(string text)
    {
        if (text.Contains('\'', StringComparison.Ordinal))
        {
            throw new ArgumentException("test paths must not contain single quotes", nameof(text));
        }

        return "'" + text + "'";
    }
}
