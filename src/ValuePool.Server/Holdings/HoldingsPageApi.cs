using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Server.Accounts;
using ValuePool.Server.Http;
using ValuePool.Server.Ledger;
using ValuePool.Storage.Holdings;

namespace ValuePool.Server.Holdings;

/// <summary>One member's line of the snapshot as the console lists it (amounts as the file writes them).</summary>
public sealed record HoldingsRow(string Member, string Points, string Cash, string ShoppingPoints);

/// <summary>
/// The snapshot at <c>sequence</c> as the admin reads it: its journal hash, price (and fraction) and number of holders, and one page
/// of its lines.
/// </summary>
public sealed record HoldingsPageResponse(long Sequence, string JournalHash, PriceFraction PriceFraction, string Price, int Holders, Paged<HoldingsRow> Lines);

/// <summary>
/// The holdings snapshot paged on the server for the console (the whole file stays <c>GET /api/admin/holdings</c>, what
/// <c>valuepool audit verify --snapshot</c> checks): searched (<c>q</c>) by member id, sorted by <c>points</c> (most first by
/// default), <c>cash</c>, <c>shoppingPoints</c> or <c>member</c>.
/// </summary>
public static class HoldingsPageApi
{
    public static readonly SortKeys SortKeys = new(["points", "cash", "shoppingPoints", "member"], ("points", true));
    private static readonly Dictionary<string, Func<HoldingsLine, IComparable>> SortValues = new()
    {
        ["points"] = line => line.Points.Units, ["cash"] = line => line.Cash.Fen, ["shoppingPoints"] = line => line.ShoppingPoints.Units,
        ["member"] = line => line.Member,
    };

    public static void MapHoldingsPageApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/admin/holdings/lines", Page).WithTags("Admin").RequireAuthorization(policy => policy.RequireRole(Roles.Admin));

    public static async Task<Results<Ok<HoldingsPageResponse>, ValidationProblem>> Page(string? at, string? page, string? pageSize, string? q, string? sort,
        LedgerGateway ledger)
    {
        var errors = new FieldErrors();
        var query = ListQuery.Read(page, pageSize, q, sort, SortKeys, errors);
        var snapshot = await HoldingsApi.SnapshotAsync(at, ledger, errors);
        if (snapshot is null) return errors.ToProblem();
        var lines = query.PageOf(snapshot.Lines.Where(line => query.Matches(line.Member)), SortValues, line => line.Member,
            line => new HoldingsRow(line.Member, line.Points.ToString(), line.Cash.ToString(), line.ShoppingPoints.ToString()));
        return TypedResults.Ok(new HoldingsPageResponse(snapshot.Sequence, snapshot.JournalHash, PriceFraction.Of(snapshot.Price), snapshot.Price.ToString(),
            snapshot.Lines.Count, lines));
    }
}
