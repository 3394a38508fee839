using System.ComponentModel;
using System.Diagnostics;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Ssh;

namespace NeuralVision.Tools.Interactive;

/// <summary>
/// Where `nvt keys copy` asks its questions: /dev/tty without echo for secrets (as ssh does, so stdin and stdout stay
/// free), or the SSH_ASKPASS program when OpenSSH's rules say so; yes/no questions only on a terminal.
/// </summary>
internal sealed class KeyCopyTerminal(IEnvironment environment, TextWriter error) : IKeyCopyPrompts
{
    private static readonly TimeSpan AskpassTimeout = TimeSpan.FromMinutes(5);
    private readonly TtyKeyPrompter tty = new();
    private bool? terminalAvailable;

    public bool CanConfirm => TerminalAvailable;

    /// <summary>True when this process has a controlling terminal (/dev/tty opens), whatever stdin is.</summary>
    private bool TerminalAvailable => terminalAvailable ??= CanOpenTerminal();

    public string? AskSecret(string prompt)
    {
        string? askpass = AskpassPolicy.Program(environment, TerminalAvailable);
        if (askpass is not null)
        {
            return RunAskpass(askpass, prompt);
        }

        return TerminalAvailable ? tty.ReadSecret(prompt) : null;
    }

    public string? AskLine(string prompt) => TerminalAvailable ? tty.ReadLine(prompt) : null;

    public void Tell(string line) => error.WriteLine(line);

    /// <summary>ssh_askpass(): the prompt is the only argument, the answer is stdout up to the first line break.</summary>
    private string? RunAskpass(string program, string prompt)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
        };
        start.ArgumentList.Add(prompt);
        try
        {
            using var process = Process.Start(start)!;
            var answer = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(AskpassTimeout))
            {
                process.Kill();
                return null;
            }

            if (process.ExitCode != 0)
            {
                return null;
            }

            string text = answer.GetAwaiter().GetResult();
            int end = text.AsSpan().IndexOfAny('\r', '\n');
            return end < 0 ? text : text[..end];
        }
        catch (Win32Exception e)
        {
            error.WriteLine($"nvt: cannot run SSH_ASKPASS program {program}: {e.Message}");
            return null;
        }
    }

    private static bool CanOpenTerminal()
    {
        try
        {
            using var handle = File.OpenHandle("/dev/tty", FileMode.Open, FileAccess.ReadWrite);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
