using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;
using ValuePool.Core.Stores;

namespace ValuePool.Storage.Tests;

/// <summary>
/// A seeded mix of every kind of command: stores in regions with terms, a cap table, partners, a
/// membership card, an agent, referral bindings, orders at stores (some with card benefits) and
/// self-operated, purchases with shopping points, sales, a subsidy, settlements, withdrawals and
/// their reviews. Only commands the engine accepts are kept (a candidate it refuses is drawn again), so each
/// command is one journal entry: refusals are never journaled. Times advance a minute per command,
/// so price history spans many minutes and orders span two days.
/// </summary>
public static class Workload
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 23, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<Command> Commands(int count, int seed = 7)
    {
        var random = new Random(seed);
        var commands = new List<Command>
        {
            new RegisterStore("s1", "owner1", "recruiter1", new Region(["gd", "dg", "songshan"]), Start),
            new RegisterStore("s2", "owner2", null, new Region(["gd", "sz", "nanshan"]), Start),
            new AppointAgent("agent1", AgentLevel.City, new Region(["gd", "dg"]), Start),
            new Bind("m1", "owner1", Start),
            new Bind("m2", "m1", Start),
            new RegisterStore("s3", "owner3", null, new Region(["gd", "dg", "nancheng"]), Start)
            {
                Terms = StoreTerms.Default with { PartnerSpend = new Money(300_000), PartnerSplit = PartnerSplit.Weighted, PartnerReferralReward = new Money(500) },
            },
            new AddShareholder("s1", "hq", Rate.FromDecimal(0.51m), Money.Zero, false, Start),
            new AddShareholder("s1", "m3", Rate.FromDecimal(0.49m), new Money(3_280_000), true, Start),
            new AddPartner("s1", "m4", Start),
            new DefineCard("s3", "card", new MembershipCardTerms { Price = new Money(29_900), Discount = Rate.FromDecimal(0.22m), OpeningShoppingPoints = new ShoppingPoints(50_000), SellerReward = new Money(3_000), DailySpecialPrice = new Money(990), FreeItemDays = 30 }, Start),
        };
        var engine = new ValuePoolEngine();
        foreach (var command in commands) engine.Apply(command);
        for (var i = commands.Count; i < count; i++)
        {
            var at = Start.AddMinutes(i);
            var member = $"m{random.Next(1, 40)}";
            Command candidate = random.Next(29) switch
            {
                < 14 => new Consume(member, random.Next(4) switch { 0 => "s1", 1 => "s2", 2 => "s3", _ => null }, new Money(random.Next(1, 200_000)), at)
                {
                    Payment = random.Next(5) == 0 ? OrderPayment.OfflineTill : OrderPayment.Online,
                    Benefit = random.Next(10) == 0 ? (CheckoutBenefit)random.Next(1, 4) : CheckoutBenefit.None,
                },
                < 17 => new Sell(member, new Points(random.Next(1, 500_000)), at),
                < 18 => new Bind(member, $"m{random.Next(1, 40)}", at),
                < 19 => new Subsidy(new Money(random.Next(1, 100_000)), "A round", at),
                < 20 => new TopUpDeposit(random.Next(2) == 0 ? "s1" : "s3", new Money(random.Next(1, 500_000)), at),
                < 22 => new BuyWithShoppingPoints(member, new Money(random.Next(1, 100_000)), new ShoppingPoints(random.Next(0, 50_000)), at),
                < 23 => new BuyCard(member, "card", random.Next(2) == 0 ? null : "seller", at),
                < 24 => new AddPartner(random.Next(2) == 0 ? "s1" : "s3", member, at),
                < 25 => new SettleShareholders("s1", DateOnly.FromDateTime(at.UtcDateTime), at),
                < 26 => new SettlePartners("s3", DateOnly.FromDateTime(at.UtcDateTime), DateOnly.FromDateTime(at.UtcDateTime), at),
                < 27 => new RequestWithdrawal(member, $"w{i}", new Money(random.Next(1_000, 50_000)), at),
                < 28 => new ReviewWithdrawal($"w{random.Next(i)}", random.Next(2) == 0, at),
                _ => new ExpireShoppingPoints(DateOnly.FromDateTime(at.UtcDateTime), at),
            };
            if (engine.Apply(candidate).IsAccepted()) commands.Add(candidate);
            else i--;
        }
        return commands.Take(count).ToList();
    }
}
