using ValuePool.Server.Http;

namespace ValuePool.Server.Audit;

/// <summary>An operator action as the log's readers see it: its name and what it is called in the request's language.</summary>
public sealed record OperatorActionResponse(string Name, string Title);

/// <summary>
/// Every operator action the log records, each named once in both languages. <see cref="OperatorLogging.Logged"/> refuses a name
/// not listed here when the endpoints are mapped, so the log never shows an action its readers cannot name.
/// </summary>
public static class OperatorActions
{
    public static readonly IReadOnlyDictionary<string, Bilingual> Titles = new Dictionary<string, Bilingual>
    {
        ["store.approve"] = new("通过门店", "Store approved"),
        ["store.reject"] = new("驳回门店", "Store rejected"),
        ["role.grant"] = new("授予角色", "Role granted"),
        ["role.revoke"] = new("撤销角色", "Role revoked"),
        ["config.change"] = new("修改费率", "Rates changed"),
        ["pool.subsidy"] = new("补贴注资", "Pool subsidized"),
        ["webhook.subscribe"] = new("订阅推送", "Webhook subscribed"),
        ["product.add"] = new("添加商品", "Product added"),
        ["card.define"] = new("发布会员卡", "Card published"),
        ["partner.add"] = new("添加合伙人", "Partner added"),
        ["shareholder.add"] = new("添加股东", "Shareholder added"),
        ["checkout"] = new("收银记账", "Till sale"),
        ["deposit.topUp"] = new("保证金充值", "Deposit topped up"),
        ["payout.request"] = new("门店提现", "Store payout asked"),
        ["order.refund"] = new("订单退款", "Order refunded"),
        ["region.buy"] = new("购买代理区域", "Region bought"),
        ["withdrawal.approve"] = new("通过提现", "Withdrawal approved"),
        ["withdrawal.reject"] = new("驳回提现", "Withdrawal rejected"),
        ["withdrawal.markPaid"] = new("记录线下打款", "Paid by hand"),
        ["payment.refund"] = new("退还付款", "Payment refunded"),
        ["reconciliation.run"] = new("重新对账", "Reconciliation run"),
        ["statement.paid"] = new("财务宝结清", "Statement settled"),
    };

    /// <summary>Every action, named in the request's language, in the order listed.</summary>
    public static OperatorActionResponse[] All() => Titles.Select(pair => new OperatorActionResponse(pair.Key, pair.Value.Text)).ToArray();

    public static string TitleOf(string name) => Titles.TryGetValue(name, out var title) ? title.Text : name;
}
