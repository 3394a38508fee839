using Microsoft.Win32.SafeHandles;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>The locked pending-visits file and its visits (<see cref="PendingVisits.TryClaim"/>); the lock lasts until disposal.</summary>
public sealed class PendingVisitsClaim : IDisposable
{
    private readonly SafeFileHandle handle;

    internal PendingVisitsClaim(SafeFileHandle handle, IReadOnlyList<PendingVisit> visits)
    {
        this.handle = handle;
        Visits = visits;
    }

    public IReadOnlyList<PendingVisit> Visits { get; }

    /// <summary>Empties the file once its visits are committed to the database.</summary>
    public void Clear() => RandomAccess.SetLength(handle, 0);

    public void Dispose() => handle.Dispose();
}
