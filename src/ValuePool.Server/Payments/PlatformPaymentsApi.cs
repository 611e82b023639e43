using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Core.Engine;
using ValuePool.Server.Accounts;
using ValuePool.Server.Data;
using ValuePool.Server.Http;
using ValuePool.Server.Audit;
using ValuePool.Server.Orders;
using ValuePool.Server.Stores;

namespace ValuePool.Server.Payments;

public sealed record PlatformPaymentResponse(string Id, string PayerId, string Purpose, string Subject, string Amount, string PaymentId, string Status,
    string? Refusal, DateTimeOffset CreatedAt);

/// <summary>A payment due back, refunded through the provider: the payment and its refund (<c>replayed</c> when an earlier request made it).</summary>
public sealed record PlatformPaymentRefundResponse(bool Replayed, PlatformPaymentResponse Payment, OrderRefundResponse? Refund);

/// <summary>A platform payment and, while it is <c>awaitingPayment</c>, what the payer does next (the QR code, the page, the app's parameters).</summary>
public sealed record PlatformPaymentStateResponse(PlatformPaymentResponse Payment, PayerAction? Action);

/// <summary>
/// Payments to the platform (<see cref="PlatformPayments"/>): each payer sees their own, and polls one started with a real
/// provider until it is granted; finance and admins see every payment collected for something the engine then refused, which
/// is due back to its payer, and refund it through the provider (<see cref="PlatformPaymentRefunds"/>).
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
        api.MapPost("/{id}/refund", Refund).RequireAuthorization(policy => policy.RequireRole(Roles.Finance, Roles.Admin)).Logged("payment.refund");
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
    /// Returns a payment due back (<c>refundDue</c>) to its payer, in full, through the provider that collected it (finance, admins):
    /// 200 once the provider returned the money (the payment is <c>refunded</c>), 202 while its refund notification is awaited
    /// (<c>refunding</c>), 502 <c>RefundRefusedByProvider</c> when it refused (the payment is <c>refundDue</c> again, to retry), 409
    /// <c>PaymentNotRefundDue</c> for a payment not due back. Asking again for one refunded or being refunded answers it
    /// (<c>replayed</c>) and asks the provider nothing.
    /// </summary>
    public static async Task<Results<Ok<PlatformPaymentRefundResponse>, Accepted<PlatformPaymentRefundResponse>, ProblemHttpResult>> Refund(string id,
        PlatformPayments payments, PlatformPaymentRefunds refunds)
    {
        if (await payments.FindAsync(id) is not { } payment) return ApiProblem.NotFound(Unknown.PlatformPayment);
        var refunded = await refunds.RefundAsync(payment);
        var response = new PlatformPaymentRefundResponse(refunded.Outcome == PlatformPaymentRefunds.Outcome.AlreadyRefunding, Describe(refunded.Payment),
            refunded.Refund is { } refund ? OrdersApi.Describe(refund) : null);
        return refunded.Outcome switch
        {
            PlatformPaymentRefunds.Outcome.NotDue => ApiProblem.Conflict("PaymentNotRefundDue",
                new("只有已收款但未能发放（待退款）的付款可以退款", "only a payment collected but not granted (refund due) can be refunded")),
            PlatformPaymentRefunds.Outcome.ProviderRefused => ApiProblem.Of(StatusCodes.Status502BadGateway, "RefundRefusedByProvider",
                new($"支付机构拒绝了退款（{refunded.Refund!.Failure}），付款仍待退款", $"the payment provider refused the refund ({refunded.Refund!.Failure}); the payment is still due back")),
            _ when refunded.Payment.Status == PlatformPaymentStatus.Refunding => TypedResults.Accepted($"/api/payments/{id}", response),
            _ => TypedResults.Ok(response),
        };
    }

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
            // Refused after collection: due back, or refunded (or being refunded) since.
            { Payment: { Refusal: { } refusal } } => ApiProblem.ForResult(Enum.Parse<CommandResult>(refusal)),
            _ => null,
        };
        if (problem is not null && outcome.Payment is { Refusal: not null } refused) problem.ProblemDetails.Extensions["payment"] = Describe(refused);
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
