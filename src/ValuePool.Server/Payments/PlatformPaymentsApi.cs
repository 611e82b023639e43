using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Server.Accounts;
using ValuePool.Server.Data;
using ValuePool.Server.Http;

namespace ValuePool.Server.Payments;

public sealed record PlatformPaymentResponse(string Id, string PayerId, string Purpose, string Subject, string Amount, string PaymentId, string Status,
    string? Refusal, DateTimeOffset CreatedAt);

/// <summary>
/// Payments to the platform (<see cref="PlatformPayments"/>): each payer sees their own; finance and admins see every payment
/// collected for something the engine then refused, which is due back to its payer.
/// </summary>
public static class PlatformPaymentsApi
{
    private const int ListCountMax = 200;

    public static RouteGroupBuilder MapPlatformPaymentsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/payments").WithTags("Payments").RequireAuthorization();
        api.MapGet("/", Mine);
        api.MapGet("/refunds-due", RefundsDue).RequireAuthorization(policy => policy.RequireRole(Roles.Finance, Roles.Admin));
        return api;
    }

    public static async Task<Ok<PlatformPaymentResponse[]>> Mine(ClaimsPrincipal caller, PlatformPayments payments) =>
        TypedResults.Ok((await payments.OfPayerAsync(caller.Id(), ListCountMax)).Select(Describe).ToArray());

    public static async Task<Ok<PlatformPaymentResponse[]>> RefundsDue(PlatformPayments payments) =>
        TypedResults.Ok((await payments.RefundsDueAsync(ListCountMax)).Select(Describe).ToArray());

    /// <summary>
    /// The problem for a paid command the engine refused (or null when it was applied). A refusal after the money was collected
    /// names the payment, now due back, so the payer knows it was not lost.
    /// </summary>
    public static ProblemHttpResult? ForOutcome(PlatformPayments.Outcome outcome)
    {
        if (ApiProblem.ForReceipt(outcome.Receipt) is not { } problem) return null;
        if (outcome.Payment is { Status: PlatformPaymentStatus.RefundDue } refundDue) problem.ProblemDetails.Extensions["payment"] = Describe(refundDue);
        return problem;
    }

    public static PlatformPaymentResponse Describe(PlatformPayment payment) =>
        new(payment.Id, payment.PayerId, payment.Purpose, payment.Subject, AmountJson.FenText(payment.AmountFen), payment.PaymentId, payment.Status,
            payment.Refusal, UnixTime.At(payment.CreatedMs));
}
