using Microsoft.AspNetCore.Http.HttpResults;
using ValuePool.Server.Http;
using WeChat = ValuePool.Server.Payments.WeChatPay;

namespace ValuePool.Server.Payments;

public sealed record CallbackResponse(string Outcome);
/// <summary>WeChat Pay's form of a refused notification (it delivers again later).</summary>
public sealed record WeChatPayNotifyFailure(string Code, string Message);
/// <summary>Which provider collects payments; <c>simulated</c> = nothing is collected (the console shows 测试支付).</summary>
public sealed record PaymentProviderResponse(string Name, bool Simulated);

/// <summary>The providers' callback endpoints, anonymous and trusted only through the signature, and which provider is active.</summary>
public static class PaymentsApi
{
    public static RouteGroupBuilder MapPaymentsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/payments").WithTags("Payments").AllowAnonymous();
        api.MapPost("/simulated/callback", SimulatedCallback);
        api.MapPost("/wechatpay/notify", WeChatPayNotify);
        api.MapPost("/alipay/notify", AlipayNotify);
        api.MapGet("/provider", Provider);
        return api;
    }

    public static Ok<PaymentProviderResponse> Provider(IPaymentProvider provider) =>
        TypedResults.Ok(new PaymentProviderResponse(provider.Name, provider.Name == SimulatedPaymentProvider.ProviderName));

    /// <summary>200 for every delivery the provider need not repeat (applied, duplicate, stale); 401/400/422 otherwise.</summary>
    public static async Task<Results<Ok<CallbackResponse>, ProblemHttpResult>> SimulatedCallback(HttpRequest request, SimulatedPaymentProvider provider,
        PaymentCallbacks callbacks)
    {
        var outcome = await callbacks.HandleAsync(provider, await ReadAsync(request));
        return outcome switch
        {
            CallbackOutcome.BadSignature or CallbackOutcome.Stale => ApiProblem.Of(StatusCodes.Status401Unauthorized, outcome.ToString(), new("回调签名校验失败", "the callback's signature does not verify")),
            CallbackOutcome.Malformed => ApiProblem.Of(StatusCodes.Status400BadRequest, outcome.ToString(), new("回调内容不是支付通知", "the callback's body is not a payment notice")),
            CallbackOutcome.UnknownOrder or CallbackOutcome.AmountMismatch or CallbackOutcome.WrongMerchant =>
                ApiProblem.Of(StatusCodes.Status422UnprocessableEntity, outcome.ToString(), new("回调与订单的支付不符", "the callback does not match an order's payment")),
            _ => TypedResults.Ok(new CallbackResponse(outcome.ToString())),
        };
    }

    /// <summary>
    /// WeChat Pay's notifications (payments and refunds, one URL): 204 when nothing more is to be delivered (applied, duplicate,
    /// stale order state); otherwise 4xx with <c>{"code":"FAIL"}</c>, which WeChat Pay retries. 404 unless WeChat Pay is the provider.
    /// </summary>
    public static async Task<Results<NoContent, NotFound, JsonHttpResult<WeChatPayNotifyFailure>>> WeChatPayNotify(HttpRequest request, IPaymentProvider provider,
        PaymentCallbacks callbacks)
    {
        if (provider.Name != WeChat.WeChatPayProvider.ProviderName) return TypedResults.NotFound();
        var outcome = await callbacks.HandleAsync(provider, await ReadAsync(request));
        return StatusOf(outcome) is { } status
            ? TypedResults.Json(new WeChatPayNotifyFailure("FAIL", outcome.ToString()), statusCode: status)
            : TypedResults.NoContent();
    }

    /// <summary>Alipay's asynchronous notification (a form): <c>success</c> when nothing more is to be delivered, else <c>failure</c> (Alipay retries).</summary>
    public static async Task<Results<ContentHttpResult, NotFound>> AlipayNotify(HttpRequest request, IPaymentProvider provider, PaymentCallbacks callbacks)
    {
        if (provider.Name != Alipay.AlipayProvider.ProviderName) return TypedResults.NotFound();
        var outcome = await callbacks.HandleAsync(provider, await ReadAsync(request));
        return TypedResults.Text(StatusOf(outcome) is null ? "success" : "failure", "text/plain");
    }

    /// <summary>The status of a delivery the provider should repeat, or null for one it need not.</summary>
    private static int? StatusOf(CallbackOutcome outcome) => outcome switch
    {
        CallbackOutcome.Applied or CallbackOutcome.Duplicate or CallbackOutcome.OutOfOrder => null,
        CallbackOutcome.BadSignature or CallbackOutcome.Stale => StatusCodes.Status401Unauthorized,
        CallbackOutcome.Malformed => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    /// <summary>The notification exactly as it arrived: its signature covers these bytes.</summary>
    public static async Task<ProviderCallback> ReadAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        return ProviderCallback.Of(request, await reader.ReadToEndAsync());
    }
}
