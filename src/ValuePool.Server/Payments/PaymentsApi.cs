using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Server.Http;

namespace ValuePool.Server.Payments;

public sealed record CallbackResponse(string Outcome);
/// <summary>Which provider collects payments; <c>simulated</c> = nothing is collected (the console shows 测试支付).</summary>
public sealed record PaymentProviderResponse(string Name, bool Simulated);

/// <summary>The providers' callback endpoints, anonymous and trusted only through the signature, and which provider is active.</summary>
public static class PaymentsApi
{
    public static RouteGroupBuilder MapPaymentsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/payments").WithTags("Payments").AllowAnonymous();
        api.MapPost("/simulated/callback", SimulatedCallback);
        api.MapGet("/provider", Provider);
        return api;
    }

    public static Ok<PaymentProviderResponse> Provider(IPaymentProvider provider) =>
        TypedResults.Ok(new PaymentProviderResponse(provider.Name, provider.Name == SimulatedPaymentProvider.ProviderName));

    /// <summary>200 for every delivery the provider need not repeat (applied, duplicate, stale); 401/400/422 otherwise.</summary>
    public static async Task<Results<Ok<CallbackResponse>, ProblemHttpResult>> SimulatedCallback(HttpRequest request, SimulatedPaymentProvider provider,
        PaymentCallbacks callbacks)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var outcome = await callbacks.HandleAsync(provider, body, request.Headers[SimulatedPaymentProvider.SignatureHeader].FirstOrDefault());
        return outcome switch
        {
            CallbackOutcome.BadSignature => ApiProblem.Of(StatusCodes.Status401Unauthorized, outcome.ToString(), new("回调签名校验失败", "the callback's signature does not verify")),
            CallbackOutcome.Malformed => ApiProblem.Of(StatusCodes.Status400BadRequest, outcome.ToString(), new("回调内容不是支付通知", "the callback's body is not a payment notice")),
            CallbackOutcome.UnknownOrder or CallbackOutcome.AmountMismatch =>
                ApiProblem.Of(StatusCodes.Status422UnprocessableEntity, outcome.ToString(), new("回调与订单的支付不符", "the callback does not match an order's payment")),
            _ => TypedResults.Ok(new CallbackResponse(outcome.ToString())),
        };
    }
}
