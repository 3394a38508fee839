namespace NeuralVision.Tools.Jump;

/// <summary>The best <see cref="Capacity"/> entries seen so far, in query order: what a best-first scan compares with.</summary>
internal sealed class TopEntries
{
    private readonly KeywordMatcher matcher;
    private readonly long now;
    private List<JumpEntry> entries = [];

    public TopEntries(int capacity, KeywordMatcher matcher, long now)
    {
        Capacity = capacity;
        this.matcher = matcher;
        this.now = now;
    }

    public int Capacity { get; }

    public IReadOnlyList<JumpEntry> Entries => entries;

    public bool IsFull => entries.Count >= Capacity;

    /// <summary>The score an entry must reach to enter (negative infinity while there is room).</summary>
    public double Threshold => IsFull ? entries[^1].Score(now) : double.NegativeInfinity;

    public void Add(JumpEntry entry)
    {
        entries.Add(entry);
        entries = JumpRanking.Order(entries, matcher, now);
        if (entries.Count > Capacity)
        {
            entries.RemoveAt(entries.Count - 1);
        }
    }
}
