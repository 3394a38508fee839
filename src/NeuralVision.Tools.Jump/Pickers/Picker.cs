using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Jump.Pickers;

/// <summary>Which picker `query --interactive` uses.</summary>
public static class Picker
{
    /// <summary>fzf when it is on PATH, else the numbered list on the terminal.</summary>
    public static IPicker For(INvtContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.ProcessRunner.FindOnPath("fzf") is string fzf
            ? new FzfPicker(fzf, context.Settings.FzfOptions, context.Settings.FzfDefaultOptions, context.ProcessRunner)
            : new NumberedPicker(context.Terminal);
    }
}
