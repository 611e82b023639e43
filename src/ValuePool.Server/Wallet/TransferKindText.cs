using ValuePool.Core.Ledger;

namespace ValuePool.Server.Wallet;

/// <summary>A transfer kind's Chinese name, as the console shows it, for the exports' cells.</summary>
public static class TransferKindText
{
    public static string Chinese(string kind) => Enum.TryParse<TransferKind>(kind, out var known) ? Chinese(known) : kind;

    public static string Chinese(TransferKind kind) => kind switch
    {
        TransferKind.StoreSale => "门店营收", TransferKind.PoolContribution => "进池", TransferKind.PlatformProfit => "平台利润",
        TransferKind.ReferralReward => "推荐奖励", TransferKind.RecruiterReward => "招商奖励", TransferKind.AgentReward => "代理奖励",
        TransferKind.Mint => "积分铸造", TransferKind.SaleBurn => "卖出销毁", TransferKind.SalePayout => "卖出到账",
        TransferKind.ForcedExitBurn => "出局销毁", TransferKind.ForcedExitPayout => "强制出局到账", TransferKind.Subsidy => "补贴注资",
        TransferKind.AgentFee => "代理费", TransferKind.ShoppingPointsGrant => "购物积分发放", TransferKind.ShoppingPointsRedeemed => "购物积分抵扣",
        TransferKind.ShoppingPointsExpired => "购物积分过期", TransferKind.ShoppingRebate => "购物返利", TransferKind.GoodsCost => "商品成本",
        TransferKind.ShareholderDividend => "股东分红", TransferKind.InitiatorBonus => "发起人奖励", TransferKind.PartnerDividend => "合伙人分红",
        TransferKind.PartnerReferralReward => "合伙人推荐奖励", TransferKind.CardSale => "会员卡销售", TransferKind.CardSellerReward => "售卡奖励",
        TransferKind.WithdrawalRequested => "申请提现", TransferKind.WithdrawalPaid => "提现到账", TransferKind.WithdrawalFee => "提现手续费",
        TransferKind.WithdrawalReturned => "提现退回", TransferKind.DepositTopUp => "保证金充值", TransferKind.ShareInvestment => "股份投资",
        _ => kind.ToString(),
    };
}
