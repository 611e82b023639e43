using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Server.Accounts;
using ValuePool.Server.Http;
using ValuePool.Server.Ledger;
using ValuePool.Storage.Holdings;

namespace ValuePool.Server.Holdings;

/// <summary>A holder's line of the holdings snapshot at <c>sequence</c>, with the journal hash and price fraction that let them check it.</summary>
public sealed record HoldingsLineResponse(long Sequence, string JournalHash, PriceFraction PriceFraction, string Price, string Member,
    string Points, string Cash, string ShoppingPoints);

/// <summary>
/// The holdings snapshot of MODEL.md §6: the admin exports every member's line at a journal sequence (JSON, CSV or XLSX, the
/// files `valuepool audit verify --snapshot` checks); a member fetches their own line. Without <c>at</c>, the journal's
/// last entry.
/// </summary>
public static class HoldingsApi
{
    public static void MapHoldingsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/admin/holdings", Export).WithTags("Admin").RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        routes.MapGet("/api/wallet/holdings", OwnLine).WithTags("Wallet").RequireAuthorization();
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(string? at, string? format, LedgerGateway ledger)
    {
        var errors = new FieldErrors();
        if (format is not (null or "json" or "csv" or "xlsx")) errors.Add("format", new("须为 json、csv 或 xlsx", "json, csv or xlsx"));
        var snapshot = await SnapshotAsync(at, ledger, errors);
        if (snapshot is null) return errors.ToProblem();
        var name = $"holdings-{snapshot.Sequence}";
        return format switch
        {
            "csv" => TypedResults.File(Encoding.UTF8.GetBytes(HoldingsText.Csv(snapshot)), "text/csv; charset=utf-8", name + ".csv"),
            "xlsx" => TypedResults.File(HoldingsWorkbook.Xlsx(snapshot), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"),
            _ => TypedResults.File(Encoding.UTF8.GetBytes(HoldingsText.Json(snapshot)), "application/json", name + ".json"),
        };
    }

    public static async Task<Results<Ok<HoldingsLineResponse>, ValidationProblem>> OwnLine(string? at, ClaimsPrincipal caller, LedgerGateway ledger)
    {
        var errors = new FieldErrors();
        var snapshot = await SnapshotAsync(at, ledger, errors);
        if (snapshot is null) return errors.ToProblem();
        var id = caller.Id();
        // A member the journal did not know yet holds nothing: their line is zeros, under the same hash.
        var line = snapshot.LineOf(id) ?? new HoldingsLine(id, default, default, default);
        return TypedResults.Ok(new HoldingsLineResponse(snapshot.Sequence, snapshot.JournalHash, PriceFraction.Of(snapshot.Price), snapshot.Price.ToString(),
            id, line.Points.ToString(), line.Cash.ToString(), line.ShoppingPoints.ToString()));
    }

    /// <summary>The snapshot at <paramref name="at"/> (the journal's last entry without it), or null with the fields in error (earlier ones too).</summary>
    internal static async Task<HoldingsSnapshot?> SnapshotAsync(string? at, LedgerGateway ledger, FieldErrors errors)
    {
        var sequence = Sequence(at, errors);
        if (errors.Any) return null;
        var (snapshot, problem) = await ledger.HoldingsAtAsync(sequence ?? await ledger.HeadSequenceAsync());
        if (snapshot is null) errors.Add("at", new("该序号不在日志范围内，或日志未通过校验：" + problem, problem ?? "not in the journal"));
        return snapshot;
    }

    private static long? Sequence(string? at, FieldErrors errors)
    {
        if (at is null) return null;
        if (long.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)) return sequence;
        errors.Add("at", new("须为日志序号（非负整数）", "a journal sequence (a whole number, 0 or more)"));
        return null;
    }
}
