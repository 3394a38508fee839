namespace NeuralVision.Tools.Jump.Sync;

/// <summary>
/// What one database sends another (a state file in a shared folder, or a message of `nvt sync --serve`): the
/// entries whose counts or removal changed after sequence number <see cref="Since"/>, up to <see cref="Sequence"/>.
/// A full state has <see cref="Since"/> 0 and holds every entry, removals included.
/// </summary>
/// <param name="Machine">The sender's machine id (32 lower-case hex digits).</param>
/// <param name="Machines">The machine ids the counts refer to, by index.</param>
/// <param name="Items">Paths in portable form (<see cref="PortablePath"/>), each at most once.</param>
public sealed record SyncState(string Machine, long Since, long Sequence, IReadOnlyList<string> Machines, IReadOnlyList<SyncItem> Items)
{
    public bool IsFull => Since == 0;
}
