using ValuePool.Core.Configuration;
using ValuePool.Core.Ledger;
using ValuePool.Core.Stores;

namespace ValuePool.Core.Engine;

/// <summary>
/// The engine's whole state as bytes, and back. The journal's recovery loads the latest snapshot
/// and replays only the commands after it. The configuration is not written here (the storage
/// layer owns its encoding); everything else is, in a fixed order, so the same state always gives
/// the same bytes and a snapshot can be verified by comparing bytes. Derived state is rebuilt, not
/// written: the exit queue (from members' cycles and points). The price is written as its exact
/// fraction, because while no points circulate it is not pool / points but the last fraction.
/// Order-bearing collections (partners, lots, expiry lists, withdrawals) keep their order, because
/// it decides the order of future transfers and so the journal's digests.
/// </summary>
public sealed partial class ValuePoolEngine
{
    private const int SnapshotFormat = 4;
    /// <summary>The format before the distribution modes: the same bytes without their state, still read.</summary>
    private const int SnapshotFormatWithoutModes = 3;

    public void WriteState(BinaryWriter output)
    {
        output.Write(SnapshotFormat);
        output.Write(Price.PoolFen);
        output.Write(Price.PointsUnits);
        output.Write(Orders);
        WriteMembers(output);
        output.Write(_stores.Count);
        foreach (var store in _stores.All) store.Write(output);
        var regions = _regions.InIdOrder().ToList();
        output.Write(regions.Count);
        foreach (var (path, agent) in regions) { output.Write(path); output.Write(agent); }
        var balances = Ledger.NonMemberBalances().ToList();
        output.Write(balances.Count);
        foreach (var (account, balance) in balances) { output.Write((byte)account.Kind); output.Write(account.Owner); output.Write(balance); }
        _shoppingLots.Write(output);
        _expiries.Write(output);
        _cards.Write(output);
        WritePartnerStores(output);
        WriteWithdrawals(output);
        output.Write(_modes is not null);
        _modes?.Write(output, _members.Count);
    }

    /// <summary>Rebuilds an engine from <see cref="WriteState"/>'s bytes and the configuration it ran with.</summary>
    public static ValuePoolEngine ReadState(BinaryReader input, EngineConfig config)
    {
        var format = input.ReadInt32();
        if (format is not (SnapshotFormat or SnapshotFormatWithoutModes)) throw new InvalidDataException("unknown snapshot format");
        var engine = new ValuePoolEngine(config) { Price = new(input.ReadInt64(), input.ReadInt64()), Orders = input.ReadInt64() };
        engine.ReadMembers(input);
        for (var n = input.ReadInt32(); n > 0; n--) engine._stores.Add(Store.Read(input));
        var regionCount = input.ReadInt32();
        for (var i = 0; i < regionCount; i++)
        {
            var path = input.ReadString();
            var agent = input.ReadInt32();
            if (engine._regions.Intern(path) != i) throw new InvalidDataException($"region {path} repeated");
            if (agent != RegionBook.NoAgent) engine._regions.SetAgent(path, agent);
        }
        for (var n = input.ReadInt32(); n > 0; n--)
            engine.Ledger.Restore(new Account((AccountKind)input.ReadByte(), input.ReadInt32()), input.ReadInt64());
        engine._shoppingLots.Read(input);
        engine._expiries.Read(input);
        engine._cards.Read(input);
        engine.ReadPartnerStores(input);
        engine.ReadWithdrawals(input);
        if (format == SnapshotFormat && input.ReadBoolean())
        {
            engine._modes = new MemberModes();
            engine._modes.Read(input);
        }

        foreach (var asset in Enum.GetValues<Asset>())
            if (engine.Ledger.Total(asset) != 0) throw new InvalidDataException($"snapshot's {asset} balances do not sum to zero");
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
            foreach (var field in (ReadOnlySpan<long>)[member.CashFen, member.PointsUnits, member.ShoppingPointsUnits,
                member.CycleConsumedFen, member.CycleRealizedFen, member.ConsumedFen, member.BoundAtTicks])
                output.Write(field);
            output.Write(member.Referrer);
            output.Write(member.Exits);
            output.Write(member.EverBound);
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
            member.CashFen = input.ReadInt64();
            member.PointsUnits = input.ReadInt64();
            member.ShoppingPointsUnits = input.ReadInt64();
            member.CycleConsumedFen = input.ReadInt64();
            member.CycleRealizedFen = input.ReadInt64();
            member.ConsumedFen = input.ReadInt64();
            member.BoundAtTicks = input.ReadInt64();
            member.Referrer = input.ReadInt32();
            member.Exits = input.ReadInt32();
            member.EverBound = input.ReadBoolean();
        }
    }

    private void WritePartnerStores(BinaryWriter output)
    {
        output.Write(_partnerStoresOfMember.Count);
        foreach (var (member, stores) in _partnerStoresOfMember.OrderBy(p => p.Key))
        {
            output.Write(member);
            output.Write(stores.Count);
            foreach (var store in stores) output.Write(store);
        }
    }

    private void ReadPartnerStores(BinaryReader input)
    {
        for (var n = input.ReadInt32(); n > 0; n--)
        {
            var stores = new List<int>();
            _partnerStoresOfMember.Add(input.ReadInt32(), stores);
            for (var s = input.ReadInt32(); s > 0; s--) stores.Add(input.ReadInt32());
        }
    }

    private void WriteWithdrawals(BinaryWriter output)
    {
        output.Write(_withdrawals.Count);
        foreach (var withdrawal in _withdrawals.Values)
        {
            output.Write(withdrawal.Id);
            output.Write(withdrawal.Member);
            output.Write(withdrawal.Amount.Fen);
            output.Write((byte)withdrawal.Status);
            output.Write(withdrawal.Fee.Fen);
            output.Write(withdrawal.RequestedAt.UtcTicks);
            output.Write(withdrawal.Store ?? "");
        }
    }

    private void ReadWithdrawals(BinaryReader input)
    {
        for (var n = input.ReadInt32(); n > 0; n--)
        {
            var withdrawal = new Withdrawal(input.ReadString(), input.ReadString(), new Amounts.Money(input.ReadInt64()),
                (WithdrawalStatus)input.ReadByte(), new Amounts.Money(input.ReadInt64()), new DateTimeOffset(input.ReadInt64(), TimeSpan.Zero))
            {
                Store = input.ReadString() is { Length: > 0 } store ? store : null,
            };
            _withdrawals.Add(withdrawal.Id, withdrawal);
        }
    }
}
