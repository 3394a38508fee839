namespace NeuralVision.Tools.Platform;

/// <summary>Every exit status nvt returns; the README lists them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>A query found nothing (not an error: scripts test for it).</summary>
    public const int NoMatch = 1;

    /// <summary>
    /// `nvt import`: the file is malformed (or of an unsupported version), so nothing was imported. The same number as
    /// <see cref="NoMatch"/>: scripts tell "the data is bad" (1) from "nvt could not run" (2).
    /// </summary>
    public const int BadImportFile = 1;

    /// <summary>
    /// `nvt keys copy`: the key was not installed (no key, connection, host key, authentication or remote failure), the
    /// status ssh-copy-id uses for all of these.
    /// </summary>
    public const int KeyCopyFailed = 1;

    /// <summary>`nvt profiles create`: the profile or its colour scheme exists, and --force was not given.</summary>
    public const int ProfileExists = 1;

    /// <summary>
    /// `nvt sync`: another machine's state could not be merged (a state file cut short, damaged or from a newer nvt;
    /// the remote has no nvt or failed); nothing of it was merged.
    /// </summary>
    public const int SyncFailed = 1;

    /// <summary>Bad usage, bad configuration, or a failure nvt could not work around.</summary>
    public const int Error = 2;

    /// <summary>
    /// A program nvt was to run is not on PATH, as a shell reports a command it cannot find: `query --exec`'s CMD, and
    /// ssh for `nvt ssh` (whose other statuses are ssh's own).
    /// </summary>
    public const int CommandNotFound = 127;

    /// <summary>Interrupted by SIGINT (128 + 2, the shell convention).</summary>
    public const int Interrupted = 130;
}
