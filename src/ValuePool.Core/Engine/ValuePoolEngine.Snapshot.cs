using ValuePool.Core.Configuration;
using ValuePool.Core.Ledger;

namespace ValuePool.Core.Engine;

/// <summary>
/// The engine's whole state as bytes, and back. The journal's recovery loads the latest snapshot
/// and replays only the commands after it. The configuration is not written here (the storage
/// layer owns its encoding); everything else is, in index order, so the same state always gives
/// the same bytes and a snapshot can be verified by comparing bytes.
/// The exit queue is not written: it is a function of the members' cycles and points, and is rebuilt.
/// </summary>
public sealed partial class ValuePoolEngine
{
    private const int SnapshotFormat = 1;

    public void WriteState(BinaryWriter output)
    {
        output.Write(SnapshotFormat);
        output.Write(Price.YuanPerPoint);
        output.Write(Orders);
        WriteMembers(output);
        WriteStores(output);
        var regions = _regions.InIdOrder().ToList();
        output.Write(regions.Count);
        foreach (var (path, agent) in regions) { output.Write(path); output.Write(agent); }
        WriteBalances(output);
    }

    /// <summary>Rebuilds an engine from <see cref="WriteState"/>'s bytes and the configuration it ran with.</summary>
    public static ValuePoolEngine ReadState(BinaryReader input, EngineConfig config)
    {
        if (input.ReadInt32() != SnapshotFormat) throw new InvalidDataException("unknown snapshot format");
        var engine = new ValuePoolEngine(config) { Price = new(input.ReadDecimal()), Orders = input.ReadInt64() };
        engine.ReadMembers(input);
        engine.ReadStores(input);
        var regionCount = input.ReadInt32();
        for (var i = 0; i < regionCount; i++)
        {
            var path = input.ReadString();
            var agent = input.ReadInt32();
            if (engine._regions.Intern(path) != i) throw new InvalidDataException($"region {path} repeated");
            if (agent != RegionBook.NoAgent) engine._regions.SetAgent(path, agent);
        }
        engine.ReadBalances(input);
        for (var member = 0; member < engine._members.Count; member++) engine.RequeueForExit(member);
        return engine;
    }

    private void WriteMembers(BinaryWriter output)
    {
        output.Write(_members.Count);
        for (var i = 0; i < _members.Count; i++)
        {
            ref var member = ref _members[i];
            output.Write(_members.Ids[i]);
            output.Write(member.CycleConsumedFen);
            output.Write(member.CycleRealizedFen);
            output.Write(member.ConsumedFen);
            output.Write(member.BoundAtTicks);
            output.Write(member.Referrer);
            output.Write(member.Exits);
        }
    }

    private void ReadMembers(BinaryReader input)
    {
        var count = input.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var id = input.ReadString();
            if (_members.GetOrAdd(id) != i) throw new InvalidDataException($"member {id} repeated");
            ref var member = ref _members[i];
            member.CycleConsumedFen = input.ReadInt64();
            member.CycleRealizedFen = input.ReadInt64();
            member.ConsumedFen = input.ReadInt64();
            member.BoundAtTicks = input.ReadInt64();
            member.Referrer = input.ReadInt32();
            member.Exits = input.ReadInt32();
        }
    }

    private void WriteStores(BinaryWriter output)
    {
        output.Write(_stores.Count);
        foreach (var store in _stores.All)
        {
            output.Write(store.Id);
            foreach (var field in (ReadOnlySpan<int>)[store.Owner, store.Recruiter, store.ProvinceRegion, store.CityRegion, store.DistrictRegion])
                output.Write(field);
        }
    }

    private void ReadStores(BinaryReader input)
    {
        var count = input.ReadInt32();
        for (var i = 0; i < count; i++)
            _stores.Add(new Store(input.ReadString(), input.ReadInt32(), input.ReadInt32(), input.ReadInt32(), input.ReadInt32(), input.ReadInt32()));
    }

    /// <summary>Every non-zero balance, system accounts first, then per member and per store.</summary>
    private IEnumerable<(Account Account, long Balance)> NonZeroBalances()
    {
        var owned = new List<Account>();
        foreach (var kind in Enum.GetValues<AccountKind>())
        {
            if (kind is AccountKind.MemberCash or AccountKind.MemberPoints) for (var i = 0; i < _members.Count; i++) owned.Add(new Account(kind, i));
            else if (kind is AccountKind.StoreReceivable) for (var i = 0; i < _stores.Count; i++) owned.Add(new Account(kind, i));
            else owned.Add(new Account(kind));
        }
        return owned.Select(account => (account, Ledger[account])).Where(entry => entry.Item2 != 0);
    }

    private void WriteBalances(BinaryWriter output)
    {
        var balances = NonZeroBalances().ToList();
        output.Write(balances.Count);
        foreach (var (account, balance) in balances)
        {
            output.Write((byte)account.Kind);
            output.Write(account.Owner);
            output.Write(balance);
        }
    }

    /// <summary>
    /// Restores balances through <see cref="Balances.Post"/> only, so the ledger's own checks hold:
    /// each balance moves in from (or out to) an account that may owe, one per asset. Because every
    /// asset sums to zero, that account ends exactly at its own recorded balance.
    /// </summary>
    private void ReadBalances(BinaryReader input)
    {
        var count = input.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var account = new Account((AccountKind)input.ReadByte(), input.ReadInt32());
            var balance = input.ReadInt64();
            var counterpart = account.Asset == Asset.Points ? Account.PointsIssuer : new Account(AccountKind.ConsumerPayments);
            if (account == counterpart) continue;
            if (balance > 0) Ledger.Post(counterpart, account, balance, TransferKind.Mint);
            else Ledger.Post(account, counterpart, -balance, TransferKind.Mint);
        }
        Ledger.BeginTransaction();
    }
}
