using ValuePool.Server.Accounts;
using ValuePool.Server.Audit;
using ValuePool.Server.Stores;

namespace ValuePool.Server.Withdrawals;

/// <summary>
/// A withdrawal as finance reviews it: the member's phone, the payee (the member's phone, or the store's name for a payout), the
/// figures, once reviewed who reviewed it, when, and the reason given for a rejection, and once approved its payout.
/// </summary>
public sealed record ReviewQueueItem(string Id, string MemberId, string? MemberPhone, string Payee, string Amount, string Fee, string Status,
    DateTimeOffset RequestedAt, string? StoreId, string? ReviewedBy, string? ReviewerPhone, DateTimeOffset? ReviewedAt, string? RejectReason,
    PayoutResponse? Payout);

/// <summary>Adds to the engine's withdrawals what finance needs beside them: phones and store names, and the review from the operator log.</summary>
public sealed class ReviewQueueDetails(UserStore users, StoreDirectory stores, OperatorLog log)
{
    private static readonly string[] Reviews = ["withdrawal.approve", "withdrawal.reject"];

    public async Task<IReadOnlyList<ReviewQueueItem>> DescribeAsync(IEnumerable<WithdrawalResponse> withdrawals)
    {
        var phones = new Dictionary<string, string?>();
        async Task<string?> PhoneOf(string id)
        {
            if (!phones.TryGetValue(id, out var phone)) phones[id] = phone = (await users.FindAsync(id))?.Phone;
            return phone;
        }
        var items = new List<ReviewQueueItem>();
        foreach (var w in withdrawals)
        {
            var memberPhone = await PhoneOf(w.MemberId);
            var payee = w.StoreId is null ? memberPhone ?? w.MemberId : (await stores.FindAsync(w.StoreId))?.Name ?? w.StoreId;
            var review = w.Status == "pending" ? null : await log.LatestAsync(Reviews, $"id={w.Id}");
            var reason = review?.Action == "withdrawal.reject" && review.Request is { } request && request.TryGetProperty("reason", out var text) &&
                text.ValueKind == System.Text.Json.JsonValueKind.String ? text.GetString() : null;
            items.Add(new ReviewQueueItem(w.Id, w.MemberId, memberPhone, payee, w.Amount, w.Fee, w.Status, w.RequestedAt, w.StoreId, review?.ActorId,
                review is null ? null : await PhoneOf(review.ActorId), review?.At, reason, w.Payout));
        }
        return items;
    }
}
