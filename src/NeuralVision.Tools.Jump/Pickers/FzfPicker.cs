using System.Text;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Processes;

namespace NeuralVision.Tools.Jump.Pickers;

/// <summary>
/// Chooses with fzf. Candidates go in and the choice comes out NUL-separated, so any path (newlines included) survives;
/// fzf draws on the terminal itself. NVT_FZF_OPTS replaces the default options.
/// </summary>
public sealed class FzfPicker : IPicker
{
    public const string DefaultOptions = "--height=40% --layout=reverse --no-sort --exit-0 --select-1 --scheme=path --prompt='nvt> '";

    private readonly string fzfPath;
    private readonly string options;
    private readonly string? defaultOptions;
    private readonly IProcessRunner processes;

    /// <param name="options">NVT_FZF_OPTS; blank for <see cref="DefaultOptions"/>.</param>
    /// <param name="defaultOptions">The FZF_DEFAULT_OPTS nvt runs with, which the options extend.</param>
    public FzfPicker(string fzfPath, string? options, string? defaultOptions, IProcessRunner processes)
    {
        this.fzfPath = fzfPath;
        this.options = string.IsNullOrWhiteSpace(options) ? DefaultOptions : options;
        this.defaultOptions = defaultOptions;
        this.processes = processes;
    }

    public PickResult Pick(IReadOnlyList<string> candidates)
    {
        // FZF_DEFAULT_OPTS carries the options so fzf parses them with its own quoting rules. fzf talks to the person
        // on the terminal (stderr and /dev/tty), so only its stdin and stdout are piped.
        var input = new StringBuilder();
        foreach (string candidate in candidates)
        {
            input.Append(candidate).Append('\0');
        }

        var run = processes.Capture(new CaptureRequest(
            fzfPath,
            ["--read0", "--print0"],
            Input: input.ToString(),
            CaptureErrors: false,
            Environment: new Dictionary<string, string> { ["FZF_DEFAULT_OPTS"] = (defaultOptions + " " + options).Trim() }))!;
        string choice = run.Output.TrimEnd('\0');
        return run.ExitCode switch
        {
            0 when choice.Length > 0 => new PickResult(choice, ExitCodes.Ok),
            130 => new PickResult(null, ExitCodes.Interrupted),
            _ => new PickResult(null, ExitCodes.NoMatch),
        };
    }
}
