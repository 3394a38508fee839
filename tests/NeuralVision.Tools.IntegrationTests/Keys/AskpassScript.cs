namespace NeuralVision.Tools.IntegrationTests.Keys;

/// <summary>
/// The SSH_ASKPASS program of the keys tests: logs every prompt it is shown, answers passphrase prompts from one file
/// and password prompts from another, line N for the Nth password prompt (the last line for every later one).
/// </summary>
internal static class AskpassScript
{
    public static void Write(string path, string log, string passwordFile, string passphraseFile)
    {
        File.WriteAllText(path, $"""
            #!/bin/sh
            printf '%s\n' "$1" >> '{log}'
            case $1 in
            *passphrase*) cat '{passphraseFile}' ;;
            *) n=$(grep -vc passphrase '{log}'); (sed -n "$n"p '{passwordFile}'; tail -n 1 '{passwordFile}') 2>/dev/null | head -n 1 ;;
            esac

            """);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
