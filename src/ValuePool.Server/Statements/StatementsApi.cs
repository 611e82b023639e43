using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Server.Accounts;
using ValuePool.Server.Audit;
using ValuePool.Server.Http;
using ValuePool.Server.Ledger;

namespace ValuePool.Server.Statements;

/// <summary>
/// A statement as the API shows it: the payee's phone masked (<c>139****5678</c>, null for an account no longer known), amounts in yuan,
/// <c>paidAmount</c> what it held when marked paid.
/// </summary>
public sealed record StatementSummary(string Period, string PayeeId, string? PayeePhone, string Amount, int Items, bool Paid, string? PaidBy,
    DateTimeOffset? PaidAt, string? PaidAmount)
{
    public static StatementSummary Of(OfflineStatement s, string? payeePhone) =>
        new(s.Period, s.PayeeId, payeePhone is null ? null : Links.LinksApi.MaskPhone(payeePhone), AmountJson.FenText(s.AmountFen), s.Items,
            s.PaidBy is not null, s.PaidBy, s.PaidAt, s.PaidAmountFen is { } paid ? AmountJson.FenText(paid) : null);

    public static async Task<StatementSummary> OfAsync(OfflineStatement statement, UserStore users) =>
        Of(statement, (await users.FindAsync(statement.PayeeId))?.Phone);

    /// <summary>The statements with their payees' phones, each looked up once.</summary>
    public static async Task<StatementSummary[]> OfAsync(IEnumerable<OfflineStatement> statements, UserStore users)
    {
        var phones = new Dictionary<string, string?>();
        var summaries = new List<StatementSummary>();
        foreach (var statement in statements)
        {
            if (!phones.TryGetValue(statement.PayeeId, out var phone)) phones[statement.PayeeId] = phone = (await users.FindAsync(statement.PayeeId))?.Phone;
            summaries.Add(Of(statement, phone));
        }
        return summaries.ToArray();
    }
}

/// <summary>One amount of a statement: the mode (<c>Differential</c>, <c>Peer</c>, <c>PlatformShareholderDividend</c>) and the order behind it.</summary>
public sealed record StatementItem(long Sequence, string Day, string Kind, string Amount, string? BuyerId, string? OrderAmount, string SourceKey);

public sealed record StatementDetail(StatementSummary Statement, IReadOnlyList<StatementItem> Items);

/// <summary>
/// Offline statements (财务宝, MODEL.md §3b) for finance and admins: per month and payee, what the offline-settled modes owe,
/// with every order behind each line; exported as CSV or XLSX; marked paid (who and when; no ledger movement), operator-logged.
/// Each read first waits for the projections to include every durable entry, so a statement shows the orders just completed.
/// </summary>
public static partial class StatementsApi
{
    public static void MapStatementsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/finance/statements").WithTags("Statements").RequireAuthorization(policy => policy.RequireRole(Roles.Finance, Roles.Admin));
        api.MapGet("/", List);
        api.MapGet("/export", Export);
        api.MapGet("/{period}/{payeeId}", Detail);
        api.MapPost("/{period}/{payeeId}/paid", MarkPaid).Logged("statement.paid", async http =>
            await http.RequestServices.GetRequiredService<OfflineStatements>().FindAsync((string)http.Request.RouteValues["period"]!, (string)http.Request.RouteValues["payeeId"]!));
    }

    public static async Task<Results<Ok<Paged<StatementSummary>>, ValidationProblem>> List(string? period, string? page, string? pageSize, string? q, string? sort,
        OfflineStatements statements, UserStore users, LedgerGateway ledger)
    {
        var errors = new FieldErrors();
        var query = ListQuery.Read(page, pageSize, q, sort, OfflineStatements.SortKeys, errors);
        CheckPeriod(period, errors);
        if (errors.Any) return errors.ToProblem();
        await ledger.SyncProjectionsAsync();
        var found = await statements.PageAsync(period, query);
        return TypedResults.Ok(new Paged<StatementSummary>(await StatementSummary.OfAsync(found.Items, users), found.Total, found.Page, found.PageSize));
    }

    public static async Task<Results<Ok<StatementDetail>, ValidationProblem, NotFound>> Detail(string period, string payeeId, OfflineStatements statements, UserStore users,
        LedgerGateway ledger)
    {
        var errors = new FieldErrors();
        CheckPeriod(period, errors);
        if (errors.Any) return errors.ToProblem();
        await ledger.SyncProjectionsAsync();
        if (await statements.FindAsync(period, payeeId) is not { } statement) return TypedResults.NotFound();
        var items = await statements.ItemsAsync(period, payeeId, int.MaxValue);
        return TypedResults.Ok(new StatementDetail(await StatementSummary.OfAsync(statement, users), items.Select(Item).ToArray()));
    }

    /// <summary>Every amount of the month's statements (or all months'), one row each with its order, as <c>csv</c> or <c>xlsx</c>.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(string? format, string? period, OfflineStatements statements, LedgerGateway ledger)
    {
        var errors = new FieldErrors();
        var type = Exports.Format(format, errors);
        CheckPeriod(period, errors);
        if (errors.Any) return errors.ToProblem();
        await ledger.SyncProjectionsAsync();
        return Exports.File("offline-statements", type, Columns, await statements.ItemsAsync(period, null, Exports.RowsMax));
    }

    public static async Task<Results<Ok<StatementSummary>, ValidationProblem, NotFound>> MarkPaid(string period, string payeeId, ClaimsPrincipal caller,
        OfflineStatements statements, UserStore users, LedgerGateway ledger, TimeProvider time)
    {
        var errors = new FieldErrors();
        CheckPeriod(period, errors);
        if (errors.Any) return errors.ToProblem();
        await ledger.SyncProjectionsAsync();
        if (await statements.FindAsync(period, payeeId) is not { } statement) return TypedResults.NotFound();
        await statements.MarkPaidAsync(statement, caller.Id(), time.GetUtcNow());
        return TypedResults.Ok(await StatementSummary.OfAsync((await statements.FindAsync(period, payeeId))!, users));
    }

    private static readonly ExportColumn<OfflineItem>[] Columns =
    [
        ExportColumn<OfflineItem>.Text("期间", i => i.Period),
        ExportColumn<OfflineItem>.Text("收款会员", i => i.PayeeId),
        ExportColumn<OfflineItem>.Text("类型", i => KindText(i.Kind)),
        ExportColumn<OfflineItem>.Yuan("金额", i => i.AmountFen),
        ExportColumn<OfflineItem>.Text("日期", i => i.Day),
        ExportColumn<OfflineItem>.Text("下单会员", i => i.BuyerId),
        ExportColumn<OfflineItem>.Yuan("订单金额", i => i.OrderAmountFen),
        new("日志序号", typeof(long), i => i.Sequence),
        ExportColumn<OfflineItem>.Text("来源", i => i.SourceKey),
    ];

    private static string KindText(string kind) => kind switch
    {
        "Differential" => "多级别级差",
        "Peer" => "平级奖",
        "PlatformShareholderDividend" => "股东加权分红",
        _ => kind,
    };

    private static StatementItem Item(OfflineItem i) =>
        new(i.Sequence, i.Day, i.Kind, AmountJson.FenText(i.AmountFen), i.BuyerId, i.BuyerId is null ? null : AmountJson.FenText(i.OrderAmountFen), i.SourceKey);

    private static void CheckPeriod(string? period, FieldErrors errors)
    {
        if (period is not null && !PeriodPattern().IsMatch(period)) errors.Add("period", new("须为月份 yyyy-MM，例如 2026-11", "a month yyyy-MM, e.g. 2026-11"));
    }

    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])$")]
    private static partial Regex PeriodPattern();
}
