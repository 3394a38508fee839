namespace NeuralVision.Tools.Jump.Store;

/// <summary>A name that contains a keyword's piece: its id, folded text and how many nodes carry it.</summary>
internal readonly record struct NameMatch(long Id, string Fold, long Nodes);
