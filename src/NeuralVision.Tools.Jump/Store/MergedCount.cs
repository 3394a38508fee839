namespace NeuralVision.Tools.Jump.Store;

/// <summary>One machine's counts of one path as another database holds them (<see cref="SyncTables"/>), in <see cref="SyncUnits"/>.</summary>
/// <param name="Machine">The machine's row in this database's <c>machine</c> table.</param>
internal readonly record struct MergedCount(long Machine, long Count, long Removed, long Last);
