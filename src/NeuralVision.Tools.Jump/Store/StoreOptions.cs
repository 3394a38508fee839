namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// What the store needs from outside: how long to wait for a lock, NVT_MAXAGE, which recorded paths to keep (applied
/// to the journal's visits as `add` applies it to its own), the clock and the file-system type probe.
/// </summary>
/// <param name="Accept">Maps a path the hook recorded to the path to store, or null to skip it.</param>
internal sealed record StoreOptions(TimeSpan BusyTimeout, double MaxAge, Func<string, string?> Accept, long Now, Func<string, long?> FileSystemType)
{
    public static StoreOptions Default(long now, double maxAge = Frecency.DefaultMaxAge) =>
        new(JumpDatabase.BusyTimeout, maxAge, path => path, now, FileSystemKind.TypeOf);
}
