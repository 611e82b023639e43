using ValuePool.Simulation.Metrics;

namespace ValuePool.Simulation.Reporting;

/// <summary>The summary table's rows (Chinese label, English label, value): shared by the HTML report and the console.</summary>
public static class SummaryRows
{
    public static IReadOnlyList<(string Zh, string En, string Value)> Of(Summary s) =>
    [
        ("会员人数", "Members", Format.Count(s.Members)),
        ("订单数", "Orders", Format.Count(s.Orders)),
        ("会员消费总额", "Members spent", Format.Yuan(s.Consumed)),
        ("进入增值池", "Into the pool from orders", Format.Yuan(s.PoolContributions)),
        ("融资补贴", "Subsidies into the pool", Format.Yuan(s.Subsidies)),
        ("池子付给会员", "Paid from the pool to members", Format.Yuan(s.PaidFromPool)),
        ("池中剩余", "Left in the pool", Format.Yuan(s.PoolLeft)),
        ("积分价格：首日 → 期末", "Point price: day 0 → last day", $"{Format.Price(s.FirstDayPrice)} → {Format.Price(s.FinalPrice)}"),
        ("每消费 1 元拿回（全体合计）", "Back per yuan spent (all members)", Format.PerYuan(s.ReturnedPerYuanPooled)),
        ("每消费 1 元拿回：P10 / 中位数 / P90", "Back per yuan spent: P10 / median / P90",
            $"{Format.PerYuan(s.ReturnedPerYuanP10)} / {Format.PerYuan(s.ReturnedPerYuanMedian)} / {Format.PerYuan(s.ReturnedPerYuanP90)}"),
        ("拿回不少于所花的会员", "Members who got back at least what they spent", Format.Percent(s.BrokeEvenShare)),
        ("强制出局次数", "Forced exits", Format.Count(s.ForcedExits)),
        ("期限内从未出局的会员", "Members who never exited within the horizon", Format.Percent(s.NeverExitedShare)),
        ("出局等待天数：中位数 / P90", "Days waited to exit: median / P90", $"{s.ExitWaitDaysMedian} / {s.ExitWaitDaysP90}"),
        ("平台收入（含代理费）", "Platform revenue (incl. agent fees)", Format.Yuan(s.PlatformRevenue)),
        ("分销奖励（其中给会员）", "Rewards paid (of which to members)", $"{Format.Yuan(s.RewardsPaid)} ({Format.Yuan(s.RewardsToMembers)})"),
        ("门店货款", "Stores received", Format.Yuan(s.StoreSales)),
    ];
}
