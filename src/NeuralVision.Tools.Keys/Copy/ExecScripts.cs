namespace NeuralVision.Tools.Keys.Copy;

/// <summary>
/// The remote shell's side of `keys copy --exec` (and of the fallback without SFTP), run by `exec sh -c` whatever the
/// login shell is, with the target file as "$1" (quoted for the login shell, which may be sh, bash, zsh or fish).
/// </summary>
internal static class ExecScripts
{
    /// <summary>Exit status of both scripts when the target is a directory.</summary>
    public const int TargetIsDirectory = 3;

    /// <summary>Prints the target file, nothing when it is missing; exit 3 when it is a directory.</summary>
    public static string Read(string target) =>
        "exec sh -c 'cd || exit 1; if [ -d \"$1\" ]; then exit 3; fi; if [ -f \"$1\" ]; then cat -- \"$1\"; fi' sh " + Quote(target);

    /// <summary>
    /// ssh-copy-id's install: private umask, the directories (mkdir -p), a newline when the file does not end with
    /// one, then the key from stdin appended (never truncating the file), restorecon when present; and the temp files
    /// an interrupted SFTP copy left beside the file more than a minute ago removed, where find can do it.
    /// </summary>
    public static string Install(string target) =>
        "exec sh -c 'cd || exit 1; umask 077; t=$1; d=$(dirname -- \"$t\"); mkdir -p -- \"$d\" || exit 1; " +
        "if [ -d \"$t\" ]; then exit 3; fi; " +
        "if [ -s \"$t\" ] && [ -n \"$(tail -c 1 -- \"$t\")\" ]; then echo >> \"$t\" || exit 1; fi; " +
        "cat >> \"$t\" || exit 1; " +
        "find \"$d\" -maxdepth 1 -type f -name \".${t##*/}.nvt-????????????\" -mmin +1 -exec rm -f {} + 2>/dev/null; " +
        "if type restorecon >/dev/null 2>&1; then restorecon -F \"$d\" \"$t\"; fi; exit 0' sh " + Quote(target);

    /// <summary>Single quotes for sh and fish alike: 'it'\''s'.</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
