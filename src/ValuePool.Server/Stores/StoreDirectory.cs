using System.Collections.Concurrent;
using Dapper;
using ValuePool.Core.Stores;
using ValuePool.Server.Data;
using ValuePool.Server.Http;
using ValuePool.Server.Links;

namespace ValuePool.Server.Stores;

/// <summary>Store profiles and their approval; the engine learns of a store only when an admin approves it.</summary>
public sealed class StoreDirectory(ServerDatabase database, ServerWriter writer, TimeProvider time)
{
    private const string Columns = "id AS Id, owner_id AS OwnerId, name AS Name, province AS Province, city AS City, district AS District, " +
                                   "recruiter_id AS RecruiterId, status AS Status, share_code AS ShareCode, created_ms AS CreatedMs, rejection_reason AS RejectionReason, " +
                                   "shopping_points_rate_ppm AS ShoppingPointsRatePpm, partner_spend_fen AS PartnerSpendFen, partner_split AS PartnerSplit, " +
                                   "partner_period AS PartnerPeriod, partner_referral_reward_fen AS PartnerReferralRewardFen";
    private const string From = "store LEFT JOIN store_terms ON store_terms.store_id = store.id";
    private readonly ConcurrentDictionary<string, StoreRecord> _approved = new(StringComparer.Ordinal);

    public async Task<StoreRecord> AddAsync(string ownerId, string name, string province, string city, string district, string? recruiterId,
        StoreTerms terms)
    {
        var store = new StoreRecord
        {
            Id = Ids.New("s"), OwnerId = ownerId, Name = name, Province = province, City = city, District = district,
            RecruiterId = recruiterId, Status = StoreStatus.Pending, ShareCode = Ids.New("c"), CreatedMs = UnixTime.Ms(time.GetUtcNow()),
        };
        await writer.WriteAsync((c, t) => c.Execute(
            "INSERT INTO store (id, owner_id, name, province, city, district, recruiter_id, status, share_code, created_ms) " +
            "VALUES (@Id, @OwnerId, @Name, @Province, @City, @District, @RecruiterId, @Status, @ShareCode, @CreatedMs)", store, t) +
            c.Execute(
            "INSERT INTO store_terms (store_id, shopping_points_rate_ppm, partner_spend_fen, partner_split, partner_period, partner_referral_reward_fen) " +
            "VALUES (@storeId, @ratePpm, @spendFen, @split, @period, @rewardFen)",
            new
            {
                storeId = store.Id, ratePpm = terms.ShoppingPointsRate.PartsPerMillion, spendFen = terms.PartnerSpend?.Fen, split = terms.PartnerSplit.ToString(),
                period = terms.PartnerPeriod.ToString(), rewardFen = terms.PartnerReferralReward.Fen,
            }, t));
        return (await FindAsync(store.Id))!;
    }

    /// <summary>
    /// The store if it is approved. Approval is never taken back, so an approved store is remembered and the
    /// order path (every in-store payment asks) reads the database only for stores it has not seen approved.
    /// </summary>
    public async ValueTask<StoreRecord?> FindApprovedAsync(string id)
    {
        if (_approved.TryGetValue(id, out var known)) return known;
        var store = await FindAsync(id);
        if (store is not { IsApproved: true }) return null;
        _approved.TryAdd(id, store);
        return store;
    }

    public Task<StoreRecord?> FindAsync(string id) =>
        database.QuerySingleAsync<StoreRecord>($"SELECT {Columns} FROM {From} WHERE id = @id", new { id });

    public static readonly SortKeys SortKeys = new(["createdAt", "name", "status"], ("createdAt", false));
    private static readonly Dictionary<string, string> SortColumns = new() { ["createdAt"] = "created_ms", ["name"] = "name", ["status"] = "status" };

    /// <summary>A page of the stores the filters match; <c>q</c> searches id, name, owner and region.</summary>
    public async Task<Paged<StoreRecord>> PageAsync(string? status, string? ownerId, ListQuery query)
    {
        var where = Where(status, ownerId, query, out var parameters);
        parameters.Add("limit", query.PageSize);
        parameters.Add("offset", query.Offset);
        var total = await database.QuerySingleAsync<long>($"SELECT COUNT(*) FROM {From} {where}", parameters);
        var items = await database.QueryAsync<StoreRecord>(
            $"SELECT {Columns} FROM {From} {where} ORDER BY {query.OrderBy(SortColumns)} LIMIT @limit OFFSET @offset", parameters);
        return query.PageOf(items, total);
    }

    /// <summary>Every store the filters match, in the query's order, for an export (at most <paramref name="countMax"/>).</summary>
    public Task<IReadOnlyList<StoreRecord>> AllAsync(string? status, string? ownerId, ListQuery query, int countMax)
    {
        var where = Where(status, ownerId, query, out var parameters);
        parameters.Add("countMax", countMax);
        return database.QueryAsync<StoreRecord>($"SELECT {Columns} FROM {From} {where} ORDER BY {query.OrderBy(SortColumns)} LIMIT @countMax", parameters);
    }

    private static string Where(string? status, string? ownerId, ListQuery query, out DynamicParameters parameters)
    {
        parameters = new DynamicParameters(new { status, ownerId, pattern = query.SearchPattern });
        return "WHERE (@status IS NULL OR status = @status) AND (@ownerId IS NULL OR owner_id = @ownerId) AND (@pattern IS NULL OR " +
            string.Join(" OR ", new[] { "id", "name", "owner_id", "province", "city", "district" }.Select(c => $"LOWER({c}) LIKE @pattern ESCAPE '\\'")) + ")";
    }

    /// <summary>
    /// Claims a pending store for approval before the engine registers it: true unless it was rejected. From then on a rejection is refused
    /// (<see cref="RejectAsync"/>); a refused registration gives the claim back (<see cref="ReleaseApprovalAsync"/>).
    /// </summary>
    public Task<bool> ClaimApprovalAsync(string id) =>
        writer.WriteAsync((c, t) => c.Execute("UPDATE store SET approve_claimed_ms = @nowMs WHERE id = @id AND status <> @rejected",
            new { id, rejected = StoreStatus.Rejected, nowMs = UnixTime.Ms(time.GetUtcNow()) }, t) == 1);

    public Task ReleaseApprovalAsync(string id) =>
        writer.WriteAsync((c, t) => c.Execute("UPDATE store SET approve_claimed_ms = NULL WHERE id = @id AND status = @pending",
            new { id, pending = StoreStatus.Pending }, t));

    /// <summary>A pending store no approval has claimed becomes rejected, with the reason its owner sees; false otherwise.</summary>
    public Task<bool> RejectAsync(string id, string reason) =>
        writer.WriteAsync((c, t) => c.Execute(
            "UPDATE store SET status = @rejected, rejection_reason = @reason WHERE id = @id AND status = @pending AND approve_claimed_ms IS NULL",
            new { id, reason, rejected = StoreStatus.Rejected, pending = StoreStatus.Pending }, t) == 1);

    /// <summary>Marks the store approved and opens its share link (the link exists only for stores that can take orders).</summary>
    public Task MarkApprovedAsync(StoreRecord store) =>
        writer.WriteAsync((c, t) =>
        {
            c.Execute("UPDATE store SET status = @approved WHERE id = @id", new { approved = StoreStatus.Approved, id = store.Id }, t);
            ShareLinks.AddStoreLink(c, t, store.ShareCode, store.OwnerId, store.Id);
            return 0;
        });
}
