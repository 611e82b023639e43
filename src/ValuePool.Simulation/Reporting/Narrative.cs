using ValuePool.Core.Configuration;
using ValuePool.Simulation.Metrics;

namespace ValuePool.Simulation.Reporting;

/// <summary>
/// "Who gains and who loses", in plain sentences built from the summary's numbers, Chinese first.
/// Every sentence states a figure of this run; none predicts anything.
/// </summary>
public static class Narrative
{
    /// <summary>How many times the price must grow after an order before that order alone forces an exit: exitMultiple / (poolContribution × mintShare).</summary>
    public static decimal ExitPriceGrowth(EngineConfig config) =>
        config.ExitMultiple.Value / (config.PoolContribution.Value * config.MintShare.Value);

    public static IReadOnlyList<string> Zh(Summary s, EngineConfig config)
    {
        if (s.Members == 0) return ["本场景在期限内没有会员加入，没有可报告的结果。"];
        var (exitMultiple, payout, growth) = (config.ExitMultiple.Value, config.Payout.Value, ExitPriceGrowth(config));
        var first = s.Cohorts[0];
        var last = s.Cohorts[^1];
        return
        [
            $"价格是历史，不是预测：本报告只是在假设条件下用真实引擎算出的一次模拟结果，不承诺任何收益。",
            $"会员共消费 {Format.Yuan(s.Consumed)}，其中 {Format.Yuan(s.PoolContributions)} 进入增值池，平台另注入补贴 {Format.Yuan(s.Subsidies)}。池子付给会员 {Format.Yuan(s.PaidFromPool)}（强制出局 {Format.Yuan(s.ForcedExitPaid)}，主动卖出 {Format.Yuan(s.SalePaid)}），还剩 {Format.Yuan(s.PoolLeft)}。",
            $"所有会员合计，每消费 1 元拿回 {Format.PerYuan(s.ReturnedPerYuanPooled)} 元（现金 + 所持积分按期末价格卖出可得的钱；不含买到的商品本身）。中位数会员拿回 {Format.PerYuan(s.ReturnedPerYuanMedian)} 元；只有 {Format.Percent(s.BrokeEvenShare)} 的会员拿回的钱不少于所花的钱。",
            $"一次出局付给会员约为本轮消费的 {exitMultiple:0.##} × {payout:0.##} = {exitMultiple * payout:0.##} 倍，而他自己的消费只往池里放了约 {s.PoolContributions.Yuan / Math.Max(s.Consumed.Yuan, 0.01m):0.##} 倍：差额来自其他会员后来的消费（或补贴）。",
            $"先来的会员占便宜：最早加入的 20%（第 {first.FirstDay}–{first.LastDay} 天）每元拿回中位数 {Format.PerYuan(first.ReturnedPerYuanMedian)} 元，{Format.Percent(first.ExitedShare)} 出局过；最晚加入的 20%（第 {last.FirstDay}–{last.LastDay} 天）中位数 {Format.PerYuan(last.ReturnedPerYuanMedian)} 元，{Format.Percent(last.ExitedShare)} 出局过。",
            $"{Format.Percent(s.NeverExitedShare)} 的会员在 {s.Days} 天内从未出局；他们的钱大多以积分形式留在池里，只有当后续有新的消费流入、价格继续上涨时才能按出局规则兑现。{(s.ForcedExits == 0 ? "期限内没有任何人被强制出局" : $"出局者从本轮首次消费到出局的等待时间中位数为 {s.ExitWaitDaysMedian} 天（90% 在 {s.ExitWaitDaysP90} 天内）")}：一笔消费要单独触发出局，积分价格须涨到下单时的约 {growth:0.#} 倍（{exitMultiple:0.##} ÷ 每元消费所得积分价值 {config.PoolContribution.Value * config.MintShare.Value:0.###}）。",
            $"平台收入 {Format.Yuan(s.PlatformRevenue)}（含代理费 {Format.Yuan(s.AgentFees)}），门店收到货款 {Format.Yuan(s.StoreSales)}；分销奖励共 {Format.Yuan(s.RewardsPaid)}，其中发给会员 {Format.Yuan(s.RewardsToMembers)}，其余给店主、招商人和代理。",
        ];
    }

    public static IReadOnlyList<string> En(Summary s, EngineConfig config)
    {
        if (s.Members == 0) return ["No member joined within the horizon: there is nothing to report."];
        var (exitMultiple, payout, growth) = (config.ExitMultiple.Value, config.Payout.Value, ExitPriceGrowth(config));
        var first = s.Cohorts[0];
        var last = s.Cohorts[^1];
        return
        [
            "The price is history, not a forecast: this report is one simulated run of the real engine under stated assumptions, and it promises no return.",
            $"Members spent {Format.Yuan(s.Consumed)}; {Format.Yuan(s.PoolContributions)} of it went into the pool, and the platform added {Format.Yuan(s.Subsidies)} in subsidies. The pool paid members {Format.Yuan(s.PaidFromPool)} ({Format.Yuan(s.ForcedExitPaid)} in forced exits, {Format.Yuan(s.SalePaid)} in voluntary sales) and still holds {Format.Yuan(s.PoolLeft)}.",
            $"Taken together, members got back {Format.PerYuan(s.ReturnedPerYuanPooled)} yuan per yuan spent (cash plus what their points would pay if sold at the final price; the goods they bought are not counted). The median member got back {Format.PerYuan(s.ReturnedPerYuanMedian)}; only {Format.Percent(s.BrokeEvenShare)} of members got back at least what they spent.",
            $"An exit pays about {exitMultiple:0.##} × {payout:0.##} = {exitMultiple * payout:0.##} times the cycle's spending, while the member's own spending put only about {s.PoolContributions.Yuan / Math.Max(s.Consumed.Yuan, 0.01m):0.##} times into the pool: the difference is other members' later spending (or subsidies).",
            $"Early members gain: the first 20% to arrive (days {first.FirstDay}–{first.LastDay}) got back a median {Format.PerYuan(first.ReturnedPerYuanMedian)} per yuan and {Format.Percent(first.ExitedShare)} of them exited; the last 20% (days {last.FirstDay}–{last.LastDay}) got back a median {Format.PerYuan(last.ReturnedPerYuanMedian)} and {Format.Percent(last.ExitedShare)} exited.",
            $"{Format.Percent(s.NeverExitedShare)} of members never exited within {s.Days} days; most of their money sits in the pool as points and turns into cash under the exit rule only if new spending keeps coming in and the price keeps rising. {(s.ForcedExits == 0 ? "Nobody was forced out within the horizon" : $"Exited members waited a median {s.ExitWaitDaysMedian} days from the cycle's first order (90% within {s.ExitWaitDaysP90} days)")}: for one order alone to force an exit, the price must grow to about {growth:0.#} times the price on the day of the order ({exitMultiple:0.##} ÷ the {config.PoolContribution.Value * config.MintShare.Value:0.###} of points value each yuan buys).",
            $"The platform earned {Format.Yuan(s.PlatformRevenue)} (including {Format.Yuan(s.AgentFees)} in agent fees) and stores received {Format.Yuan(s.StoreSales)} for their goods; distribution rewards came to {Format.Yuan(s.RewardsPaid)}, of which {Format.Yuan(s.RewardsToMembers)} went to members and the rest to store owners, recruiters and agents.",
        ];
    }
}
