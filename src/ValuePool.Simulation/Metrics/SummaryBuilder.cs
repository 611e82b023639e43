using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Ledger;
using ValuePool.Simulation.Running;

namespace ValuePool.Simulation.Metrics;

/// <summary>Turns a run into its <see cref="Summary"/>. Totals come from the ledger's transfers, never re-derived from rates.</summary>
public static class SummaryBuilder
{
    /// <summary>Arrival cohorts: five equal groups by arrival order, so early and late members can be compared.</summary>
    public const int CohortCount = 5;

    public static Summary Build(SimulationResult run)
    {
        var members = run.Members;
        var totals = run.Totals;
        var engine = run.Engine;
        var returned = SortedReturns(members, 0, members.Count);
        long exited = 0, exits = 0, early = 0, brokeEven = 0, heldFen = 0, memberRewardsFen = 0;
        foreach (ref readonly var member in members.All)
        {
            if (member.HasExited) exited++;
            if (member.EarlySeller) early++;
            exits += member.Exits;
            if (member.PoolCashFen + member.HeldSaleValueFen >= member.SpentFen) brokeEven++;
            heldFen += member.HeldSaleValueFen;
            memberRewardsFen += member.RewardsFen;
        }
        // Everything consumers paid: each order's payment is split into exactly these four kinds of transfer.
        var consumed = totals[TransferKind.StoreSale] + totals[TransferKind.PoolContribution] + totals[TransferKind.PlatformProfit] + totals.RewardsFen;
        return new Summary
        {
            Scenario = run.Scenario.Name,
            Seed = run.Scenario.Seed,
            Days = run.Scenario.Days,
            Orders = run.Orders,
            Members = members.Count,
            Consumed = new Money(consumed),
            PoolContributions = new Money(totals[TransferKind.PoolContribution]),
            Subsidies = new Money(totals[TransferKind.Subsidy]),
            ForcedExitPaid = new Money(totals[TransferKind.ForcedExitPayout]),
            SalePaid = new Money(totals[TransferKind.SalePayout]),
            PaidFromPool = new Money(totals.PaidFromPoolFen),
            PoolLeft = engine.Pool,
            HeldSaleValue = new Money(heldFen),
            CirculatingPoints = engine.CirculatingPoints,
            FirstDayPrice = run.Days.Count > 0 ? run.Days[0].Price : engine.Price,
            FinalPrice = engine.Price,
            PlatformRevenue = engine.PlatformRevenue,
            // Agents are appointed during setup, before the runner reads transactions: take the fees from the ledger.
            AgentFees = new Money(-engine.Ledger[new Account(AccountKind.AgentFees)]),
            RewardsPaid = new Money(totals.RewardsFen),
            RewardsToMembers = new Money(memberRewardsFen),
            StoreSales = new Money(totals[TransferKind.StoreSale]),
            ForcedExits = exits,
            ExitedShare = Share(exited, members.Count),
            NeverExitedShare = Share(members.Count - exited, members.Count),
            EarlySellerShare = Share(early, members.Count),
            ExitWaitDaysMedian = Percentiles.OfHistogram(run.ExitWaitDaysHistogram, 50),
            ExitWaitDaysP90 = Percentiles.OfHistogram(run.ExitWaitDaysHistogram, 90),
            ReturnedPerYuanP10 = Percentiles.Of(returned, 10),
            ReturnedPerYuanMedian = Percentiles.Of(returned, 50),
            ReturnedPerYuanP90 = Percentiles.Of(returned, 90),
            ReturnedPerYuanPooled = consumed == 0 ? 0 : (double)(totals.PaidFromPoolFen + heldFen) / consumed,
            BrokeEvenShare = Share(brokeEven, members.Count),
            Cohorts = Cohorts(members),
            Audit = ComplianceAudit.Run(run.Scenario.Engine),
            Modes = ModeSummary.Of(run),
        };
    }

    /// <summary>Each member's cash + held value per yuan spent, sorted, for members <paramref name="first"/> ≤ m &lt; <paramref name="end"/>.</summary>
    public static double[] SortedReturns(MemberOutcomes members, int first, int end)
    {
        var returned = new double[end - first];
        for (var m = first; m < end; m++) returned[m - first] = members[m].ReturnedPerYuan;
        Array.Sort(returned);
        return returned;
    }

    private static IReadOnlyList<Cohort> Cohorts(MemberOutcomes members)
    {
        var cohorts = new List<Cohort>();
        for (var c = 0; c < CohortCount; c++)
        {
            var first = (int)((long)members.Count * c / CohortCount);
            var end = (int)((long)members.Count * (c + 1) / CohortCount);
            if (end == first) continue;
            var returned = SortedReturns(members, first, end);
            long spent = 0, back = 0, exited = 0;
            foreach (ref readonly var member in members.All[first..end])
            {
                spent += member.SpentFen;
                back += member.PoolCashFen + member.HeldSaleValueFen;
                if (member.HasExited) exited++;
            }
            cohorts.Add(new Cohort(members[first].ArrivalDay, members[end - 1].ArrivalDay, end - first, spent,
                Percentiles.Of(returned, 10), Percentiles.Of(returned, 50), Percentiles.Of(returned, 90),
                spent == 0 ? 0 : (double)back / spent, Share(exited, end - first)));
        }
        return cohorts;
    }

    private static double Share(long part, long whole) => whole == 0 ? 0 : (double)part / whole;
}
