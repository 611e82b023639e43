using System.Net;
using System.Text;
using ValuePool.Simulation.Metrics;
using ValuePool.Simulation.Running;

namespace ValuePool.Simulation.Reporting;

/// <summary>
/// Writes DIR/report.html (self-contained: styles inline, charts as base64 PNG), each chart as its own
/// PNG file, and DIR/summary.json. Order of the page: what was simulated, the numbers, who gains and who
/// loses (Chinese, then English), charts, cohorts, the compliance audit, the assumptions.
/// </summary>
public static class ReportWriter
{
    public const string ReportFile = "report.html";
    public const string SummaryFile = "summary.json";

    private const string Style = """
        body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222;line-height:1.5}
        h1{font-size:1.5em;margin-bottom:.2em} h2{margin-top:1.6em;border-bottom:1px solid #ddd}
        .warn{background:#fff4e5;border-left:4px solid #f0a020;padding:.6em 1em}
        table{border-collapse:collapse;width:100%} td,th{border-bottom:1px solid #eee;padding:.3em .5em;text-align:left}
        td.v{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .en{color:#555} figure{margin:1.2em 0} img{max-width:100%} figcaption{color:#555}
        .risk{color:#b00020;font-weight:bold} .review{color:#8a5a00;font-weight:bold}
        """;

    /// <summary>Writes the report into <paramref name="directory"/> (created if missing) and returns the report's path.</summary>
    public static string Write(SimulationResult run, Summary summary, string directory)
    {
        Directory.CreateDirectory(directory);
        var charts = Charts.Draw(run, summary);
        foreach (var chart in charts) File.WriteAllBytes(Path.Combine(directory, chart.FileName), chart.Png);
        File.WriteAllText(Path.Combine(directory, SummaryFile), SummaryJson.Write(summary));
        var path = Path.Combine(directory, ReportFile);
        File.WriteAllText(path, Html(run, summary, charts));
        return path;
    }

    public static string Html(SimulationResult run, Summary summary, IReadOnlyList<Chart> charts)
    {
        var scenario = run.Scenario;
        var config = scenario.Engine;
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>{E(scenario.Title.Zh)} — ValuePool simulation</title><style>{Style}</style></head><body>
            <h1>{E(scenario.Title.Zh)}</h1><p class="en">{E(scenario.Title.En)}</p>
            <p class="warn">积分价格是历史记录，不是预测；本页是在下列假设下用真实引擎跑出的一次模拟，不构成任何收益承诺。<br>
            <span class="en">The point price is history, not a forecast. This page is one simulated run of the real engine under the assumptions below; it promises no return.</span></p>
            <p>场景 / scenario <code>{E(scenario.Name)}</code>，随机种子 / seed {scenario.Seed}，{scenario.Days} 天 / days，出局倍数 / exit multiple {config.ExitMultiple}，卖出到账比例 / payout {config.Payout}。</p>
            <h2>摘要 <span class="en">Summary</span></h2><table><tr><th>项目</th><th>Item</th><th></th></tr>
            """);
        foreach (var (zh, en, value) in SummaryRows.Of(summary))
            html.Append($"<tr><td>{E(zh)}</td><td class=\"en\">{E(en)}</td><td class=\"v\">{E(value)}</td></tr>\n");
        html.Append("</table>\n<h2>谁得益，谁受损 <span class=\"en\">Who gains, who loses</span></h2>\n");
        AppendList(html, Narrative.Zh(summary, config), "");
        AppendList(html, Narrative.En(summary, config), "en");
        html.Append("<h2>图表 <span class=\"en\">Charts</span></h2>\n");
        foreach (var chart in charts)
            html.Append($"<figure><img alt=\"{E(chart.CaptionEn)}\" src=\"data:image/png;base64,{Convert.ToBase64String(chart.Png)}\">"
                + $"<figcaption>{E(chart.CaptionZh)} <span class=\"en\">/ {E(chart.CaptionEn)}</span> <a href=\"{E(chart.FileName)}\">{E(chart.FileName)}</a></figcaption></figure>\n");
        AppendCohorts(html, summary);
        if (summary.Modes is { } modes) AppendModes(html, modes);
        AppendAudit(html, summary);
        AppendAssumptions(html, run);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void AppendList(StringBuilder html, IEnumerable<string> items, string cssClass)
    {
        html.Append(cssClass == "" ? "<ul>" : $"<ul class=\"{cssClass}\">");
        foreach (var item in items) html.Append($"<li>{E(item)}</li>");
        html.Append("</ul>\n");
    }

    private static void AppendCohorts(StringBuilder html, Summary summary)
    {
        html.Append("""
            <h2>按加入先后分组 <span class="en">By arrival cohort</span></h2>
            <table><tr><th>加入天数 / arrival days</th><th>会员 / members</th><th>消费 / spent</th><th>每元拿回 P10 / 中位 / P90<br><span class="en">back per yuan P10 / median / P90</span></th><th>合计 / pooled</th><th>出局过 / exited</th></tr>
            """);
        foreach (var c in summary.Cohorts)
            html.Append($"<tr><td>{c.FirstDay}–{c.LastDay}</td><td class=\"v\">{Format.Count(c.Members)}</td><td class=\"v\">{E(Format.Yuan(c.SpentFen))}</td>"
                + $"<td class=\"v\">{Format.PerYuan(c.ReturnedPerYuanP10)} / {Format.PerYuan(c.ReturnedPerYuanMedian)} / {Format.PerYuan(c.ReturnedPerYuanP90)}</td>"
                + $"<td class=\"v\">{Format.PerYuan(c.ReturnedPerYuanPooled)}</td><td class=\"v\">{Format.Percent(c.ExitedShare)}</td></tr>\n");
        html.Append("</table>\n");
    }

    /// <summary>Who earns what from the distribution modes: totals by mode and settlement, concentration, and by arrival fifth.</summary>
    private static void AppendModes(StringBuilder html, ModeSummary modes)
    {
        html.Append("""
            <h2>分销模式收益（级差、平级、股东分红）<span class="en">Who earns from the distribution modes</span></h2>
            <p class="warn">这些模式按等级沿上线分配，是传销风险特征；“线下”表示由财务宝线下统计发放，平台钱包不入账。<br>
            <span class="en">These modes pay by rank along the upline, a pyramid-selling feature; "offline" amounts are tallied for payment outside the platform, never credited to wallets.</span></p>
            <table><tr><th>模式 / mode</th><th>结算 / settlement</th><th>金额 / amount</th></tr>
            """);
        foreach (var total in modes.Totals)
            html.Append($"<tr><td>{E(total.Kind.ToString())}</td><td>{E(total.Settlement.ToString().ToLowerInvariant())}</td><td class=\"v\">{E(Format.Yuan(total.Amount.Fen))}</td></tr>\n");
        html.Append($"""
            </table><ul>
            <li>{Format.Count(modes.Earners)} 人获得过模式收益，收益最高的十分之一拿走 {Format.Percent(modes.TopTenthShare)}；门店店主等非消费会员拿走 {E(Format.Yuan(modes.ToNonConsumers.Fen))}。
            <span class="en">{Format.Count(modes.Earners)} members earned from the modes; the top tenth of them took {Format.Percent(modes.TopTenthShare)}; store owners and other non-consumers took {E(Format.Yuan(modes.ToNonConsumers.Fen))}.</span></li>
            <li>按加入先后五等分（最早在前）/ <span class="en">by arrival fifth, earliest first</span>: {E(string.Join(" · ", modes.ByArrivalFifth.Select(fifth => Format.Yuan(fifth.Fen))))}</li>
            </ul>
            """);
    }

    private static void AppendAudit(StringBuilder html, Summary summary)
    {
        html.Append("<h2>合规审计（本场景的配置）<span class=\"en\">Compliance audit of this scenario's configuration</span></h2>\n");
        if (summary.Audit.Count == 0) { html.Append("<p>没有发现 / no findings</p>\n"); return; }
        html.Append("<ul>");
        foreach (var finding in summary.Audit)
        {
            var severity = finding.Severity.ToString().ToLowerInvariant();
            html.Append($"<li><span class=\"{severity}\">[{severity}] {E(finding.Code)}</span>: {E(finding.Message)}<br><span class=\"en\">rule: {E(finding.Rule)}</span></li>");
        }
        html.Append("</ul>\n");
    }

    private static void AppendAssumptions(StringBuilder html, SimulationResult run)
    {
        var s = run.Scenario;
        var amounts = s.OrderAmount;
        html.Append($"""
            <h2>假设 <span class="en">Assumptions</span></h2><ul>
            <li>{Format.Count(s.Growth.Members)} 名会员按 {s.Growth.Shape} 曲线在 {s.Growth.ArrivalDays ?? s.Days} 天内加入{(s.Growth.StopsOnDay is { } stop ? $"，第 {stop} 天起停止" : "")}；每人每天平均再下单 {s.RepeatOrdersPerMemberPerDay} 次{(s.ConsumptionStopsOnDay is { } dry ? $"，第 {dry} 天起不再有任何消费" : "")}。
            <span class="en">{Format.Count(s.Growth.Members)} members join along a {s.Growth.Shape} curve over {s.Growth.ArrivalDays ?? s.Days} days{(s.Growth.StopsOnDay is { } stopEn ? $", none from day {stopEn}" : "")}; each places {s.RepeatOrdersPerMemberPerDay} repeat orders a day on average{(s.ConsumptionStopsOnDay is { } dryEn ? $"; no orders at all from day {dryEn}" : "")}.</span></li>
            <li>订单金额对数正态，中位数 ¥{amounts.MedianYuan}，范围 ¥{amounts.MinYuan}–¥{amounts.MaxYuan}。<span class="en">Order amounts log-normal, median ¥{amounts.MedianYuan}, spread {amounts.Spread}, cut to ¥{amounts.MinYuan}–¥{amounts.MaxYuan}.</span></li>
            <li>{Format.Percent(s.EarlySellers.Share)} 的会员在加入 {s.EarlySellers.AfterDays} 天后卖出全部积分。<span class="en">{Format.Percent(s.EarlySellers.Share)} of members sell all their points {s.EarlySellers.AfterDays} days after joining.</span></li>
            """);
        foreach (var sellOff in s.SellOffs)
            html.Append($"<li>第 {sellOff.Day} 天 {Format.Percent(sellOff.Share)} 的会员卖出全部积分。<span class=\"en\">Day {sellOff.Day}: {Format.Percent(sellOff.Share)} of members sell all their points.</span></li>\n");
        foreach (var round in s.Subsidies)
            html.Append($"<li>第 {round.Day} 天补贴 ¥{round.AmountYuan:#,0.00}（{E(round.Source)}）。<span class=\"en\">Day {round.Day}: subsidy ¥{round.AmountYuan:#,0.00} ({E(round.Source)}).</span></li>\n");
        html.Append($"""
            <li>{s.Stores.Count} 家门店，{s.Stores.Provinces}×{s.Stores.CitiesPerProvince}×{s.Stores.DistrictsPerCity} 个省/市/区{(s.Stores.Agents ? "，每个区域都有代理" : "")}；新会员 {Format.Percent(s.Referrals.StoreQrShare)} 通过门店二维码、{Format.Percent(s.Referrals.MemberLinkShare)} 通过会员分享链接绑定。
            <span class="en">{s.Stores.Count} stores in {s.Stores.Provinces}×{s.Stores.CitiesPerProvince}×{s.Stores.DistrictsPerCity} provinces/cities/districts{(s.Stores.Agents ? ", an agent in every region" : "")}; {Format.Percent(s.Referrals.StoreQrShare)} of new members bound through a store's QR code, {Format.Percent(s.Referrals.MemberLinkShare)} through a member's share link.</span></li>
            <li>“拿回”= 从池子得到的现金 + 期末所持积分按期末价格卖出可得（已扣卖出比例）；不含分销奖励和所购商品。<span class="en">"Back" = cash paid from the pool + what the points held at the end would pay if sold at the final price (payout applied); rewards and the goods bought are not counted.</span></li>
            </ul>
            """);
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
