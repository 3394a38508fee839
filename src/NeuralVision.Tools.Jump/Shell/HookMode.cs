namespace NeuralVision.Tools.Jump.Shell;

/// <summary>When the hook records the current directory.</summary>
public enum HookMode
{
    /// <summary>When $PWD changed since the last prompt (the default).</summary>
    Pwd,

    /// <summary>On every prompt.</summary>
    Prompt,

    /// <summary>Never: no hook is installed.</summary>
    None,
}
