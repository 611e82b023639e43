using System.Collections.Frozen;
using ValuePool.Core.Stores;

namespace ValuePool.Server.Http;

public static class TermProblemFields
{
    /// <summary>
    /// The Chinese of each term's bound (<see cref="TermProblems"/> words the English), <c>{0}</c> the configured bound. A test
    /// checks every field the Core can name has its entry.
    /// </summary>
    public static readonly FrozenDictionary<string, string> Chinese = new Dictionary<string, string>
    {
        ["price"] = "售价须大于 ¥0.00，且不超过 ¥{0}",
        ["discount"] = "折扣（每单减免的比例，0.22 即 7.8 折）须在 0 到 {0} 之间",
        ["sellerReward"] = "售卡奖励须在 ¥0.00 到会员卡售价之间",
        ["validDays"] = "有效天数须在 1 到 {0} 天之间",
        ["freeItemDays"] = "每日免费商品的天数须在 0 到会员卡有效天数之间",
        ["dailySpecialPrice"] = "每日特价须大于 ¥0.00，且不超过 ¥{0}",
        ["openingShoppingPoints"] = "开卡赠送的购物积分须在 0 到会员卡售价的 {0} 倍之间",
        ["shoppingPointsRate"] = "每消费 1 元赠送的购物积分须在 0 到 {0} 之间",
        ["partnerSpend"] = "成为合伙人的累计消费额须大于 ¥0.00，且不超过 ¥{0}",
        ["partnerReferralReward"] = "合伙人每推荐一位新会员的奖励须在 ¥0.00 到 ¥{0} 之间",
        ["partnerSplit"] = "合伙人分配方式须为 equal 或 weighted",
        ["partnerPeriod"] = "合伙人结算周期须为 weekly 或 monthly",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static Bilingual Words(TermProblem problem) =>
        new(Chinese.TryGetValue(problem.Field, out var zh) ? string.Format(System.Globalization.CultureInfo.InvariantCulture, zh, problem.Bound) : problem.Problem,
            problem.Problem);

    /// <summary>Each term outside its bounds as a field error, under the request's name for it (<paramref name="prefix"/> + field).</summary>
    public static void AddAll(this FieldErrors errors, IReadOnlyList<TermProblem> problems, string prefix = "")
    {
        foreach (var problem in problems) errors.Add(prefix + problem.Field, Words(problem));
    }
}
