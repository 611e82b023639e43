using ValuePool.Core.Engine;

namespace ValuePool.Server.Http;

/// <summary>
/// What the API says for each engine outcome: the Chinese here, the English the Core's <see cref="CommandResultExtensions.Describe"/>
/// (which the CLI prints). A test walks every <see cref="CommandResult"/> value for both.
/// </summary>
public static class CommandResultTexts
{
    public static Bilingual Of(CommandResult result) => new(Chinese(result), result.Describe());

    private static string Chinese(CommandResult result) => result switch
    {
        CommandResult.Ok => "已完成",
        CommandResult.BindingIgnored => "推荐关系未变更（不能绑定自己、不能形成循环，或已有推荐关系）",
        CommandResult.AmountNotPositive => "金额必须大于零",
        CommandResult.InsufficientPoints => "积分余额不足",
        CommandResult.UnknownStore => "门店不存在",
        CommandResult.DuplicateStore => "该门店编号已存在",
        CommandResult.RegionTaken => "该区域已有代理",
        CommandResult.RegionLevelMismatch => "区域的层级与代理级别不符",
        CommandResult.StoreRegionIncomplete => "门店地区须填写省、市、区",
        CommandResult.ConfigAfterFirstOrder => "产生第一笔订单后不能再修改平台配置",
        CommandResult.InvalidConfig => "平台配置无效",
        CommandResult.InvalidId => "编号不能为空，且不超过 128 个字符",
        CommandResult.ShoppingPointsAboveLimit => "购物积分最多抵扣商品价格的规定比例（70%）",
        CommandResult.InsufficientShoppingPoints => "购物积分余额不足",
        CommandResult.SharesAboveOne => "门店股份合计将超过 100%",
        CommandResult.SharesNotOne => "门店股份合计须恰好为 100% 才能给股东结算",
        CommandResult.InvalidPeriod => "结算期的开始日期晚于结束日期",
        CommandResult.PeriodOverlaps => "该期间与本门店已结算的合伙人期间重叠",
        CommandResult.UnknownCard => "会员卡不存在",
        CommandResult.DuplicateCard => "该会员卡编号已存在",
        CommandResult.CardBenefitUnavailable => "您在本店没有有效的会员卡，或今日权益已用完、权益已结束",
        CommandResult.InvalidTerms => "条款超出允许范围（见各字段的限制）",
        CommandResult.BelowWithdrawalMinimum => "提现金额低于最低提现额",
        CommandResult.InsufficientCash => "钱包余额不足",
        CommandResult.DuplicateWithdrawal => "该提现编号已存在",
        CommandResult.UnknownWithdrawal => "提现申请不存在",
        CommandResult.WithdrawalAlreadyReviewed => "该提现申请已审核（已批准或已拒绝）",
        CommandResult.InvalidRates => "商品的分配比例超出平台配置的范围",
        CommandResult.AmountAboveMaximum => "金额超过平台的单笔金额上限",
        CommandResult.InsufficientDeposit => "门店预存让利款不足以支付本笔订单的平台佣金，请先充值",
        CommandResult.InsufficientStoreBalance => "门店余额不足",
        CommandResult.UnknownCommand => "没有这项操作",
        CommandResult.CommandFailed => "操作处理失败，已撤销，未产生任何变更",
        CommandResult.DividendPeriodOverlaps => "该期间与已结算的平台股东分红期间重叠",
        CommandResult.WithdrawalNotPaid => "该提现尚未批准打款，或款项已退回",
        // A value added to the enum without its Chinese: the test over every value fails on this English.
        _ => result.Describe(),
    };
}
