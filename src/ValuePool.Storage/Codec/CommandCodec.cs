using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;
using ValuePool.Core.Stores;

namespace ValuePool.Storage.Codec;

/// <summary>
/// Command ↔ compact bytes: a tag, the time, then the fields. One switch each way, so a new command
/// is one tag, one case in <see cref="Encode"/> and one in <see cref="Decode"/> (a reflection test
/// fails for any <see cref="Command"/> without them). Tags are stored forever: never reuse one.
/// Layout: [tag:1][utc ticks:8][offset minutes:2][fields…]; strings are length-prefixed UTF-8.
/// </summary>
public static class CommandCodec
{
    /// <summary>Bytes before the fields: the tag and the time.</summary>
    private const int HeaderBytes = 1 + 8 + 2;

    private enum Tag : byte
    {
        Configure = 1,
        Consume = 2,
        Sell = 3,
        Subsidy = 4,
        RegisterStore = 5,
        AppointAgent = 6,
        Bind = 7,
        BuyWithShoppingPoints = 8,
        ExpireShoppingPoints = 9,
        AddPartner = 10,
        AddShareholder = 11,
        SettleShareholders = 12,
        SettlePartners = 13,
        DefineCard = 14,
        BuyCard = 15,
        RequestWithdrawal = 16,
        ReviewWithdrawal = 17,
        // Variants of earlier commands take tags of their own, so entries journaled before them decode unchanged.
        TillConsume = 18,
        CollectedShareholder = 19,
        TopUpDeposit = 20,
        RequestStorePayout = 21,
        SettlePlatformShareholders = 22,
        ReturnFailedPayout = 26,
    }

    public static byte[] Encode(Command command)
    {
        using var buffer = new MemoryStream(64);
        using var output = new BinaryWriter(buffer);
        output.Write((byte)TagOf(command));
        output.Write(command.At.UtcTicks);
        output.Write((short)command.At.TotalOffsetMinutes);
        switch (command)
        {
            case Configure c: output.Write(EngineConfigJson.Write(c.Config)); break;
            case Consume c:
                output.Write(c.Member); WriteOptional(output, c.Store); output.Write(c.Amount.Fen); output.Write((byte)c.Benefit);
                output.Write(c.Rates is not null);
                c.Rates?.Write(output);
                break;
            case Sell s: output.Write(s.Member); output.Write(s.Points.Units); break;
            case Subsidy s: output.Write(s.Amount.Fen); output.Write(s.Source); break;
            case RegisterStore r: output.Write(r.Id); output.Write(r.Owner); WriteOptional(output, r.Recruiter); WriteRegion(output, r.Region); r.Terms.Write(output); break;
            case AppointAgent a: output.Write(a.Member); output.Write((byte)a.Level); WriteRegion(output, a.Region); break;
            case Bind b: output.Write(b.Member); output.Write(b.Referrer); break;
            case BuyWithShoppingPoints b: output.Write(b.Member); output.Write(b.Amount.Fen); output.Write(b.ShoppingPoints.Units); break;
            case ExpireShoppingPoints e: output.Write(e.Day.DayNumber); break;
            case AddPartner p: output.Write(p.Store); output.Write(p.Member); break;
            case AddShareholder h: output.Write(h.Store); output.Write(h.Member); output.Write(h.Share.PartsPerMillion); output.Write(h.Invested.Fen); output.Write(h.Initiator); break;
            case SettleShareholders h: output.Write(h.Store); output.Write(h.Day.DayNumber); break;
            case SettlePartners p: output.Write(p.Store); output.Write(p.From.DayNumber); output.Write(p.To.DayNumber); break;
            case DefineCard d: output.Write(d.Store); output.Write(d.Card); d.Terms.Write(output); break;
            case BuyCard b: output.Write(b.Member); output.Write(b.Card); WriteOptional(output, b.Seller); break;
            case RequestWithdrawal w: output.Write(w.Member); output.Write(w.Id); output.Write(w.Amount.Fen); break;
            case ReviewWithdrawal w: output.Write(w.Id); output.Write(w.Approve); break;
            case ReturnFailedPayout r: output.Write(r.Id); break;
            case TopUpDeposit t: output.Write(t.Store); output.Write(t.Amount.Fen); break;
            case RequestStorePayout p: output.Write(p.Store); output.Write(p.Member); output.Write(p.Id); output.Write(p.Amount.Fen); break;
            case SettlePlatformShareholders p: output.Write(p.From.DayNumber); output.Write(p.To.DayNumber); break;
        }
        output.Flush();
        return buffer.ToArray();
    }

    public static Command Decode(byte[] bytes)
    {
        using var input = new BinaryReader(new MemoryStream(bytes, writable: false));
        var tag = (Tag)input.ReadByte();
        var ticks = input.ReadInt64();
        var offset = TimeSpan.FromMinutes(input.ReadInt16());
        var at = new DateTimeOffset(ticks + offset.Ticks, offset);
        Command command = tag switch
        {
            Tag.Configure => new Configure(EngineConfigJson.Read(input.ReadString()), at),
            Tag.Consume or Tag.TillConsume => new Consume(input.ReadString(), ReadOptional(input), new Money(input.ReadInt64()), at)
            {
                Payment = tag == Tag.TillConsume ? OrderPayment.OfflineTill : OrderPayment.Online,
                Benefit = (CheckoutBenefit)input.ReadByte(),
                Rates = input.ReadBoolean() ? OrderRates.Read(input) : null,
            },
            Tag.Sell => new Sell(input.ReadString(), new Points(input.ReadInt64()), at),
            Tag.Subsidy => new Subsidy(new Money(input.ReadInt64()), input.ReadString(), at),
            Tag.RegisterStore => new RegisterStore(input.ReadString(), input.ReadString(), ReadOptional(input), ReadRegion(input), at) { Terms = StoreTerms.Read(input) },
            Tag.AppointAgent => new AppointAgent(input.ReadString(), (AgentLevel)input.ReadByte(), ReadRegion(input), at),
            Tag.Bind => new Bind(input.ReadString(), input.ReadString(), at),
            Tag.BuyWithShoppingPoints => new BuyWithShoppingPoints(input.ReadString(), new Money(input.ReadInt64()), new ShoppingPoints(input.ReadInt64()), at),
            Tag.ExpireShoppingPoints => new ExpireShoppingPoints(ReadDay(input), at),
            Tag.AddPartner => new AddPartner(input.ReadString(), input.ReadString(), at),
            Tag.AddShareholder or Tag.CollectedShareholder =>
                new AddShareholder(input.ReadString(), input.ReadString(), new Rate(input.ReadInt64()), new Money(input.ReadInt64()), input.ReadBoolean(), at)
                {
                    Collected = tag == Tag.CollectedShareholder,
                },
            Tag.SettleShareholders => new SettleShareholders(input.ReadString(), ReadDay(input), at),
            Tag.SettlePartners => new SettlePartners(input.ReadString(), ReadDay(input), ReadDay(input), at),
            Tag.DefineCard => new DefineCard(input.ReadString(), input.ReadString(), MembershipCardTerms.Read(input), at),
            Tag.BuyCard => new BuyCard(input.ReadString(), input.ReadString(), ReadOptional(input), at),
            Tag.RequestWithdrawal => new RequestWithdrawal(input.ReadString(), input.ReadString(), new Money(input.ReadInt64()), at),
            Tag.ReviewWithdrawal => new ReviewWithdrawal(input.ReadString(), input.ReadBoolean(), at),
            Tag.ReturnFailedPayout => new ReturnFailedPayout(input.ReadString(), at),
            Tag.TopUpDeposit => new TopUpDeposit(input.ReadString(), new Money(input.ReadInt64()), at),
            Tag.RequestStorePayout => new RequestStorePayout(input.ReadString(), input.ReadString(), input.ReadString(), new Money(input.ReadInt64()), at),
            Tag.SettlePlatformShareholders => new SettlePlatformShareholders(ReadDay(input), ReadDay(input), at),
            _ => throw new InvalidDataException($"unknown command tag {(byte)tag}"),
        };
        if (input.BaseStream.Position != bytes.Length) throw new InvalidDataException($"{tag}: {bytes.Length - input.BaseStream.Position} trailing bytes");
        return command;
    }

    /// <summary>
    /// Whether two encoded commands ask for the same thing, ignoring their time: a client's retry
    /// arrives later than its first attempt, and a server may stamp each arrival, yet it is the same
    /// request. A different tag or any different field is a different request.
    /// </summary>
    public static bool SameRequest(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) =>
        a.Length == b.Length && a[0] == b[0] && a[HeaderBytes..].SequenceEqual(b[HeaderBytes..]);

    private static Tag TagOf(Command command) => command switch
    {
        Configure => Tag.Configure,
        Consume { Payment: OrderPayment.OfflineTill } => Tag.TillConsume,
        Consume => Tag.Consume,
        Sell => Tag.Sell,
        Subsidy => Tag.Subsidy,
        RegisterStore => Tag.RegisterStore,
        AppointAgent => Tag.AppointAgent,
        Bind => Tag.Bind,
        BuyWithShoppingPoints => Tag.BuyWithShoppingPoints,
        ExpireShoppingPoints => Tag.ExpireShoppingPoints,
        AddPartner => Tag.AddPartner,
        AddShareholder { Collected: true } => Tag.CollectedShareholder,
        AddShareholder => Tag.AddShareholder,
        SettleShareholders => Tag.SettleShareholders,
        SettlePartners => Tag.SettlePartners,
        DefineCard => Tag.DefineCard,
        BuyCard => Tag.BuyCard,
        RequestWithdrawal => Tag.RequestWithdrawal,
        ReviewWithdrawal => Tag.ReviewWithdrawal,
        ReturnFailedPayout => Tag.ReturnFailedPayout,
        TopUpDeposit => Tag.TopUpDeposit,
        RequestStorePayout => Tag.RequestStorePayout,
        SettlePlatformShareholders => Tag.SettlePlatformShareholders,
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "no codec tag for this command"),
    };

    private static void WriteOptional(BinaryWriter output, string? value)
    {
        output.Write(value is not null);
        if (value is not null) output.Write(value);
    }

    private static string? ReadOptional(BinaryReader input) => input.ReadBoolean() ? input.ReadString() : null;

    private static DateOnly ReadDay(BinaryReader input) => DateOnly.FromDayNumber(input.ReadInt32());

    private static void WriteRegion(BinaryWriter output, Region region)
    {
        output.Write((byte)region.Parts.Count);
        foreach (var part in region.Parts) output.Write(part);
    }

    private static Region ReadRegion(BinaryReader input)
    {
        var parts = new string[input.ReadByte()];
        for (var i = 0; i < parts.Length; i++) parts[i] = input.ReadString();
        return new Region(parts);
    }
}
