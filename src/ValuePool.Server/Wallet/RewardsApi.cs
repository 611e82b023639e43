using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Core.Ledger;
using ValuePool.Server.Accounts;
using ValuePool.Server.Http;
using ValuePool.Server.Ledger;

namespace ValuePool.Server.Wallet;

/// <summary>
/// The back office's list of every credit paid to members (rewards, dividends, forced-exit payouts), for finance and admins: paged,
/// filtered by member and kind, searched by member or source (<c>q</c>), sorted by <c>at</c> or <c>amount</c>, newest first; and its export.
/// </summary>
public static class RewardsApi
{
    public static RouteGroupBuilder MapRewardsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/rewards").WithTags("Wallet").RequireAuthorization(policy => policy.RequireRole(Roles.Finance, Roles.Admin));
        api.MapGet("/", List);
        api.MapGet("/export", Export);
        return api;
    }

    public static async Task<Results<Ok<Paged<RewardListItem>>, ValidationProblem>> List(string? memberId, string? kind, string? page, string? pageSize,
        string? q, string? sort, RewardHistory rewards)
    {
        var errors = new FieldErrors();
        var query = ListQuery.Read(page, pageSize, q, sort, RewardHistory.SortKeys, errors);
        ReadKind(kind, errors);
        if (errors.Any) return errors.ToProblem();
        var found = await rewards.PageAsync(memberId, kind, query);
        return TypedResults.Ok(new Paged<RewardListItem>(found.Items.Select(Describe).ToArray(), found.Total, found.Page, found.PageSize));
    }

    /// <summary>The credits <see cref="List"/> would answer, as <c>format</c> = <c>csv</c> or <c>xlsx</c> (at most 10,000 rows).</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(string? format, string? memberId, string? kind, string? q, string? sort,
        RewardHistory rewards)
    {
        var errors = new FieldErrors();
        var type = Exports.Format(format, errors);
        var query = ListQuery.Read(null, null, q, sort, RewardHistory.SortKeys, errors);
        ReadKind(kind, errors);
        if (errors.Any) return errors.ToProblem();
        return Exports.File("rewards", type, ExportColumns, await rewards.AllAsync(memberId, kind, query, Exports.RowsMax));
    }

    private static void ReadKind(string? kind, FieldErrors errors)
    {
        if (kind is not null && (!kind.All(char.IsAsciiLetter) || !Enum.TryParse<TransferKind>(kind, ignoreCase: false, out _))) errors.Add("kind", new("不是已知的类型", "not a known kind"));
    }

    private static readonly ExportColumn<RewardLine>[] ExportColumns =
    [
        ExportColumn<RewardLine>.Time("时间", r => r.At),
        ExportColumn<RewardLine>.Text("会员", r => r.MemberId),
        ExportColumn<RewardLine>.Text("类型", r => TransferKindText.Chinese(r.Kind)),
        ExportColumn<RewardLine>.Yuan("金额（元）", r => r.AmountFen),
        ExportColumn<RewardLine>.Text("来源", r => r.Source),
        ExportColumn<RewardLine>.Text("流水号", r => r.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    private static RewardListItem Describe(RewardLine line) =>
        new(line.Sequence, line.MemberId, line.Kind, AmountJson.FenText(line.AmountFen), line.Source, line.At);
}
