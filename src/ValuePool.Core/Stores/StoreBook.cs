namespace ValuePool.Core.Stores;

/// <summary>Stores by id and by dense index (the index owns the store's receivable account).</summary>
internal sealed class StoreBook
{
    private readonly Dictionary<string, int> _indexById = new(StringComparer.Ordinal);
    private readonly List<Store> _stores = new();

    public int Count => _stores.Count;
    public IReadOnlyList<Store> All => _stores;

    public bool TryFind(string? id, out int index)
    {
        index = -1;
        return id is not null && _indexById.TryGetValue(id, out index);
    }

    public int Add(Store store)
    {
        var index = _stores.Count;
        _indexById.Add(store.Id, index);
        _stores.Add(store);
        return index;
    }

    public Store this[int index] => _stores[index];
}
