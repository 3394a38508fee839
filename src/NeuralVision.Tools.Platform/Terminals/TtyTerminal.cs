using System.Runtime.InteropServices;
using System.Text;
using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Interactive;

/// <summary>
/// Asks on /dev/tty, as ssh-keygen's readpassphrase does, so prompts and answers stay off stdout and stdin. Echo is
/// turned off for secrets and restored on the way out, on Ctrl-C and on SIGTERM too.
/// </summary>
internal sealed class TtyKeyPrompter : IKeyPrompter
{
    private const int StandardInput = 0;
    private const int StandardError = 2;

    public bool IsInteractive => TerminalEcho.IsTerminal(StandardInput);

    public bool ShowsProgress => TerminalEcho.IsTerminal(StandardError);

    public string? ReadSecret(string prompt) => Ask(prompt, echo: false);

    public string? ReadLine(string prompt) => Ask(prompt, echo: true);

    public void Tell(string line)
    {
        using var tty = OpenTerminal();
        tty.Write(Encoding.UTF8.GetBytes(line + "\n"));
    }

    private static string? Ask(string prompt, bool echo)
    {
        using var tty = OpenTerminal();
        int descriptor = (int)tty.SafeFileHandle.DangerousGetHandle();
        tty.Write(Encoding.UTF8.GetBytes(prompt));
        tty.Flush();
        if (echo)
        {
            return ReadLine(tty);
        }

        byte[]? saved = TerminalEcho.DisableEcho(descriptor);
        if (saved is null)
        {
            throw new NvtException("cannot turn off echo on /dev/tty to read the passphrase");
        }

        void Restore(PosixSignalContext context) => TerminalEcho.Restore(descriptor, saved);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Restore);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Restore);
        try
        {
            return ReadLine(tty);
        }
        finally
        {
            TerminalEcho.Restore(descriptor, saved);
            // The newline the user typed was not echoed.
            tty.Write("\n"u8);
        }
    }

    private static string? ReadLine(FileStream tty)
    {
        var line = new List<byte>();
        Span<byte> one = stackalloc byte[1];
        while (true)
        {
            if (tty.Read(one) == 0)
            {
                return line.Count == 0 ? null : Encoding.UTF8.GetString([.. line]);
            }

            if (one[0] == (byte)'\n')
            {
                string text = Encoding.UTF8.GetString([.. line]);
                line.Clear();
                return text.TrimEnd('\r');
            }

            line.Add(one[0]);
        }
    }

    private static FileStream OpenTerminal()
    {
        try
        {
            return new FileStream("/dev/tty", FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);
        }
        catch (IOException)
        {
            throw new NvtException("no terminal to ask on (/dev/tty cannot be opened)");
        }
    }
}
