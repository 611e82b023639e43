using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Core.Engine;
using ValuePool.Server.Accounts;
using ValuePool.Server.Data;
using ValuePool.Server.Http;
using ValuePool.Server.Ledger;

namespace ValuePool.Server.Wallet;

public sealed record SellRequest(string? Points);
public sealed record SellResponse(bool Replayed, WalletResponse Wallet);
/// <summary>Cash and points after a journal entry; <c>kind</c> is the entry's command (<c>Consume</c>, <c>Sell</c>, <c>RequestWithdrawal</c>, …), <c>at</c> its time.</summary>
public sealed record HistoryRow(long Sequence, string Cash, string Points, string Kind, DateTimeOffset? At);
/// <summary>A credit to the member's cash: <c>kind</c> is the engine's transfer kind (<c>ReferralReward</c>, …), <c>at</c> the time of its entry.</summary>
public sealed record RewardRow(long Sequence, string Kind, string Amount, string Source, DateTimeOffset? At = null);
/// <summary>The rules a member's sale and withdrawal pages show: <c>payout</c> share of the points' value paid as cash, the withdrawal minimum and fee rate, the exit multiple.</summary>
public sealed record WalletTermsResponse(string Payout, string WithdrawalMinimum, string WithdrawalFee, string ExitMultiple);

/// <summary>The caller's own wallet only: there is no member id in these routes to change.</summary>
public static class WalletApi
{
    public static RouteGroupBuilder MapWalletApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/wallet").WithTags("Wallet").RequireAuthorization();
        api.MapGet("/", Get);
        api.MapGet("/history", History);
        api.MapGet("/rewards", Rewards);
        api.MapPost("/sell", Sell);
        api.MapGet("/terms", Terms);
        return api;
    }

    public static async Task<Ok<WalletResponse>> Get(ClaimsPrincipal caller, LedgerGateway ledger)
    {
        var id = caller.Id();
        return TypedResults.Ok(await ledger.ReadAsync(engine => WalletResponse.Of(id, engine)));
    }

    public static readonly SortKeys HistorySortKeys = new(["sequence"], ("sequence", true));
    private static readonly Dictionary<string, Func<Storage.Projections.MemberHistoryRow, IComparable>> HistorySortValues = new() { ["sequence"] = row => row.Sequence };

    /// <summary>Cash and points after each journal entry that changed them, newest first, paged (<c>page</c>, <c>pageSize</c>; <c>sort=sequence</c> for oldest first).</summary>
    public static async Task<Results<Ok<Paged<HistoryRow>>, ValidationProblem>> History(string? page, string? pageSize, string? sort, ClaimsPrincipal caller,
        LedgerGateway ledger, JournalEntries journal)
    {
        var errors = new FieldErrors();
        var query = ListQuery.Read(page, pageSize, null, sort, HistorySortKeys, errors);
        if (errors.Any) return errors.ToProblem();
        var id = caller.Id();
        var rows = query.PageOf(await ledger.ProjectionsAsync(queries => queries.MemberHistory(id)), HistorySortValues, row => row.Sequence.ToString("D20"), row => row);
        var entries = await journal.DescribeAsync(rows.Items.Select(row => row.Sequence));
        return TypedResults.Ok(new Paged<HistoryRow>(rows.Items.Select(row =>
        {
            var entry = entries.TryGetValue(row.Sequence, out var found) ? found : default;
            return new HistoryRow(row.Sequence, AmountJson.FenText(row.CashFen), new Core.Amounts.Points(row.PointsUnits).Text(), entry.Kind ?? "Unknown",
                entry.Kind is null ? null : entry.At);
        }).ToArray(), rows.Total, rows.Page, rows.PageSize));
    }

    public static async Task<Ok<WalletTermsResponse>> Terms(LedgerGateway ledger) =>
        TypedResults.Ok(await ledger.ReadAsync(engine => new WalletTermsResponse(engine.Config.Payout.ToString(), engine.Config.WithdrawalMinimum.Text(),
            engine.Config.WithdrawalFee.ToString(), engine.Config.ExitMultiple.ToString())));

    public static async Task<Ok<RewardRow[]>> Rewards(ClaimsPrincipal caller, RewardHistory rewards) =>
        TypedResults.Ok((await rewards.OfMemberAsync(caller.Id(), kind: null)).ToArray());

    /// <summary>Sells points for wallet cash. Send <c>Idempotency-Key</c> to make a retry safe.</summary>
    public static async Task<Results<Ok<SellResponse>, ValidationProblem, ProblemHttpResult>> Sell(SellRequest request, HttpRequest http, ClaimsPrincipal caller,
        LedgerGateway ledger, TimeProvider time)
    {
        var errors = new FieldErrors();
        var points = errors.Points("points", request.Points);
        var id = caller.Id();
        IdempotencyKeys.TryScoped(http, LedgerKeys.Scope.Sale, id, out var key, errors);
        if (errors.Any) return errors.ToProblem();
        var receipt = await ledger.SubmitAsync(key, new Sell(id, points, time.GetUtcNow()));
        if (ApiProblem.ForReceipt(receipt) is { } problem) return problem;
        var wallet = await ledger.ReadAsync(engine => WalletResponse.Of(id, engine));
        return TypedResults.Ok(new SellResponse(receipt.Status == Storage.Sequencing.SubmitStatus.Duplicate, wallet));
    }
}
