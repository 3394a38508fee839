namespace NeuralVision.Tools.Jump;

/// <summary>What orders the matches: frecency (the default), rank alone (fasd -r) or last visit alone (fasd -t).</summary>
public enum RankingMode
{
    Frecency,
    Rank,
    Recent,
}
