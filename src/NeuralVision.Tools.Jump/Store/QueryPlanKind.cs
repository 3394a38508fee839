namespace NeuralVision.Tools.Jump.Store;

/// <summary>See <see cref="QueryPlan"/>.</summary>
internal enum QueryPlanKind
{
    /// <summary>A piece no name contains: nothing can match.</summary>
    None,

    /// <summary>Nothing to narrow on: every entry.</summary>
    All,

    Descend,
    Leaves,
}
