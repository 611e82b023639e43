using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Core.Engine;
using ValuePool.Server.Accounts;
using ValuePool.Server.Data;
using ValuePool.Server.Http;
using ValuePool.Server.Stores;

namespace ValuePool.Server.Payments;

public sealed record PlatformPaymentResponse(string Id, string PayerId, string Purpose, string Subject, string Amount, string PaymentId, string Status,
    string? Refusal, DateTimeOffset CreatedAt);

/// <summary>A platform payment and, while it is <c>awaitingPayment</c>, what the payer does next (the QR code, the page, the app's parameters).</summary>
public sealed record PlatformPaymentStateResponse(PlatformPaymentResponse Payment, PayerAction? Action);

/// <summary>
/// Payments to the platform (<see cref="PlatformPayments"/>): each payer sees their own, and polls one started with a real
/// provider until it is granted; finance and admins see every payment collected for something the engine then refused, which
/// is due back to its payer.
/// </summary>
public static class PlatformPaymentsApi
{
    private const int ListCountMax = 200;

    public static RouteGroupBuilder MapPlatformPaymentsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/payments").WithTags("Payments").RequireAuthorization();
        api.MapGet("/", Mine);
        api.MapGet("/refunds-due", RefundsDue).RequireAuthorization(policy => policy.RequireRole(Roles.Finance, Roles.Admin));
        api.MapGet("/{id}", One);
        return api;
    }

    public static async Task<Ok<PlatformPaymentResponse[]>> Mine(ClaimsPrincipal caller, PlatformPayments payments) =>
        TypedResults.Ok((await payments.OfPayerAsync(caller.Id(), ListCountMax)).Select(Describe).ToArray());

    public static async Task<Ok<PlatformPaymentResponse[]>> RefundsDue(PlatformPayments payments) =>
        TypedResults.Ok((await payments.RefundsDueAsync(ListCountMax)).Select(Describe).ToArray());

    /// <summary>
    /// One payment, for its payer (or finance and admins; for a share investment, also the store's owner, who asked the investor
    /// to pay and shows them the code). While it awaits the payer, the provider is asked (a signed query) whether they paid, and
    /// a paid one is granted then, as its notification would: polling this is how the console follows it.
    /// </summary>
    public static async Task<Results<Ok<PlatformPaymentStateResponse>, ProblemHttpResult>> One(string id, ClaimsPrincipal caller, PlatformPayments payments,
        StoreDirectory stores)
    {
        var payment = await payments.FindAsync(id);
        if (payment is null || !await MaySeeAsync(caller, payment, stores)) return ApiProblem.NotFound(Unknown.PlatformPayment);
        var current = await payments.RefreshAsync(payment);
        return TypedResults.Ok(new PlatformPaymentStateResponse(Describe(current), await payments.ActionOfAsync(current)));
    }

    private static async Task<bool> MaySeeAsync(ClaimsPrincipal caller, PlatformPayment payment, StoreDirectory stores) =>
        payment.PayerId == caller.Id() || caller.IsInRole(Roles.Finance) || caller.IsInRole(Roles.Admin)
        || (payment.Purpose == PaymentPurpose.ShareInvestment.Text() && await stores.FindAsync(payment.Subject) is { } store && StoresApi.MayManage(caller, store));

    /// <summary>
    /// The problem for a paid command that was not granted (or null when it was, or when it awaits the payer). A refusal after the
    /// money was collected names the payment, now due back, so the payer knows it was not lost; a provider that did not take the
    /// payment is 502 (nothing charged; asking again retries).
    /// </summary>
    public static ProblemHttpResult? ForOutcome(PlatformPayments.Outcome outcome)
    {
        if (outcome.ProviderFailure is { } failure) return ApiProblem.ProviderFailed(failure);
        var problem = outcome switch
        {
            { Receipt: { } receipt } => ApiProblem.ForReceipt(receipt),
            { Payment: null } => ApiProblem.KeyConflict(),
            { Payment: { Status: PlatformPaymentStatus.RefundDue, Refusal: { } refusal } } => ApiProblem.ForResult(Enum.Parse<CommandResult>(refusal)),
            _ => null,
        };
        if (problem is not null && outcome.Payment is { Status: PlatformPaymentStatus.RefundDue } refundDue) problem.ProblemDetails.Extensions["payment"] = Describe(refundDue);
        return problem;
    }

    /// <summary>A real provider's payment started: 202 with what the payer does next and where to poll it.</summary>
    public static Accepted<PlatformPaymentStateResponse>? ForStarted(PlatformPayments.Outcome outcome) =>
        outcome.Payment is { Status: PlatformPaymentStatus.AwaitingPayment } awaiting
            ? TypedResults.Accepted($"/api/payments/{awaiting.Id}", new PlatformPaymentStateResponse(Describe(awaiting), outcome.Action))
            : null;

    public static PlatformPaymentResponse Describe(PlatformPayment payment) =>
        new(payment.Id, payment.PayerId, payment.Purpose, payment.Subject, AmountJson.FenText(payment.AmountFen), payment.PaymentId, payment.Status,
            payment.Refusal, UnixTime.At(payment.CreatedMs));
}
