namespace ValuePool.Core.Engine;

/// <summary>Region paths ("gd/dg/songshan") interned to dense ids, and the agent of each region.</summary>
internal sealed class RegionBook
{
    public const int NoAgent = -1;

    private readonly Dictionary<string, int> _idByPath = new(StringComparer.Ordinal);
    private readonly List<int> _agentOfRegion = new();

    public int Intern(string path)
    {
        if (_idByPath.TryGetValue(path, out var id)) return id;
        id = _agentOfRegion.Count;
        _idByPath.Add(path, id);
        _agentOfRegion.Add(NoAgent);
        return id;
    }

    public bool HasAgent(string path) => _idByPath.TryGetValue(path, out var id) && _agentOfRegion[id] != NoAgent;

    public void SetAgent(string path, int member) => _agentOfRegion[Intern(path)] = member;

    public int AgentOf(int region) => _agentOfRegion[region];

    /// <summary>Every region path in id order, with its agent: what a snapshot must keep to rebuild the book.</summary>
    public IEnumerable<(string Path, int Agent)> InIdOrder() =>
        _idByPath.OrderBy(entry => entry.Value).Select(entry => (entry.Key, _agentOfRegion[entry.Value]));
}
