using ValuePool.Core.Engine;

namespace ValuePool.Server.Ledger;

/// <summary>
/// Every idempotency key the server submits commands under, built here and nowhere else: a key names what a command is
/// for, so a retry (a client's, or the server's own after a restart) finds the first answer. Keys of things the server
/// names itself carry that thing's id; keys of a client's request are the client's <c>Idempotency-Key</c> in one of the
/// scopes below (<see cref="Http.IdempotencyKeys.TryScoped"/>), so two callers' keys never meet.
/// </summary>
public static class LedgerKeys
{
    private const string OrderCompletionPrefix = "order:";
    private const string OrderCompletionSuffix = ":complete";

    public static string OrderCompletion(string orderId) => OrderCompletionPrefix + orderId + OrderCompletionSuffix;

    /// <summary>The order a completion key names, or null for any other key.</summary>
    public static string? OrderOfCompletion(string key) =>
        key.StartsWith(OrderCompletionPrefix, StringComparison.Ordinal) && key.EndsWith(OrderCompletionSuffix, StringComparison.Ordinal)
            ? key[OrderCompletionPrefix.Length..^OrderCompletionSuffix.Length]
            : null;

    public static string PaymentApplication(string paymentId) => $"payment:{paymentId}:apply";
    public static string CardDefinition(string cardId) => $"card:{cardId}:define";
    public static string StoreRegistration(string storeId) => $"store:{storeId}:register";
    public static string Partner(string storeId, string memberId) => $"partner:{storeId}:{memberId}";
    public static string WithdrawalReview(string withdrawalId) => $"withdrawal:{withdrawalId}:review";
    public static string PayoutReturn(string withdrawalId) => $"withdrawal:{withdrawalId}:return";
    public static string Binding(string memberId, string linkCode) => $"bind:{memberId}:{linkCode}";

    /// <summary>A settlement's key names its kind, store and day or period, so a day run twice (a restart mid-way) pays once.</summary>
    public static string Settlement(Command command) => command switch
    {
        ExpireShoppingPoints e => $"settle:shoppingPoints:-:{e.Day:yyyy-MM-dd}",
        SettleShareholders s => $"settle:shareholders:{s.Store}:{s.Day:yyyy-MM-dd}",
        SettlePartners p => $"settle:partners:{p.Store}:{p.From:yyyy-MM-dd}..{p.To:yyyy-MM-dd}",
        SettlePlatformShareholders d => $"settle:platformShareholders:-:{d.From:yyyy-MM-dd}..{d.To:yyyy-MM-dd}",
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "not a settlement"),
    };

    /// <summary>The scopes of clients' <c>Idempotency-Key</c>s, one per kind of request.</summary>
    public static class Scope
    {
        public const string InStorePayment = "pay";
        public const string Sale = "sell";
        public const string Withdrawal = "withdrawal";
        public const string Subsidy = "subsidy";
        public const string CardPurchase = "card-purchase";
        public const string ShoppingPurchase = "shop";
        public static string Checkout(string storeId) => "checkout:" + storeId;
        public static string StorePayout(string storeId) => "store-payout:" + storeId;
        public static string DepositTopUp(string storeId) => $"deposit:{storeId}";
        public static string ShareInvestment(string storeId) => $"shareholder:{storeId}";
    }
}
