using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ValuePool.Server.Payments.WeChatPay;

namespace ValuePool.Server.Tests.Providers;

/// <summary>
/// WeChat Pay API v3 as a test fake on loopback, with keys made for the test: it verifies every request's Authorization with the
/// merchant's public key, answers signed with its own "WeChat Pay" key, and makes the encrypted notifications WeChat Pay would send.
/// </summary>
public sealed partial class FakeWeChatPay : IAsyncDisposable
{
    public const string MchId = "1900000001";
    public const string AppId = "wx0000000000000001";
    public const string MerchantSerial = "MERCHANTSERIAL01";
    public const string PublicKeyId = "PUB_KEY_ID_0000000001";
    public const string ApiV3Key = "0123456789abcdef0123456789abcdef";

    public RSA MerchantKey { get; } = RSA.Create(2048);
    public RSA PlatformKey { get; } = RSA.Create(2048);
    private LoopbackServer _server = null!;

    public sealed record Trade(string OutTradeNo, string Attach, long Total, string TradeType)
    {
        public string State { get; set; } = "NOTPAY";
        public string TransactionId { get; } = "4200" + RandomNumberGenerator.GetHexString(24, lowercase: true);
    }

    public ConcurrentDictionary<string, Trade> Trades { get; } = new();
    public ConcurrentDictionary<string, JsonObject> Refunds { get; } = new();
    /// <summary>Transfers to 零钱 by batch number: the batch as sent, and the state its detail is in (the test moves it on).</summary>
    public ConcurrentDictionary<string, (JsonObject Batch, string State)> Transfers { get; } = new();
    /// <summary>Requests refused because their signature did not verify.</summary>
    public int Unsigned;
    /// <summary>Lines the bill has beyond the trades (a payment this platform never heard of), and trades it leaves out.</summary>
    public List<(string OutTradeNo, string Yuan)> ExtraBillPayments { get; } = [];
    public HashSet<string> Unbilled { get; } = [];
    /// <summary>What the bill says a trade was paid, where it differs from what was charged.</summary>
    public Dictionary<string, string> BilledAmounts { get; } = [];
    /// <summary>Set: the bill's answer names another file's hash.</summary>
    public bool WrongBillHash { get; set; }

    /// <summary>WeChat Pay's clock, which signs its answers' timestamps: the platform's, when a test moves that.</summary>
    public Func<DateTimeOffset> Now { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>Set: every answer waits this long first (longer than the platform's timeout = a timeout).</summary>
    public TimeSpan? Delay { get; set; }

    public static async Task<FakeWeChatPay> StartAsync()
    {
        var fake = new FakeWeChatPay();
        fake._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/v3/pay/transactions/{type}", fake.PrepayAsync);
            app.MapGet("/v3/pay/transactions/out-trade-no/{no}", fake.QueryAsync);
            app.MapPost("/v3/pay/transactions/out-trade-no/{no}/close", fake.CloseAsync);
            app.MapPost("/v3/refund/domestic/refunds", fake.RefundAsync);
            app.MapPost("/v3/transfer/batches", fake.TransferAsync);
            app.MapGet("/v3/bill/tradebill", fake.TradeBillAsync);
            app.MapGet("/v3/billdownload/file", fake.BillFileAsync);
            app.MapGet("/v3/transfer/batches/out-batch-no/{batch}/details/out-detail-no/{detail}", fake.TransferDetailAsync);
        });
        return fake;
    }

    /// <summary>The platform's settings for this fake: keys as PEM text, as an operator would put them in secrets.</summary>
    public Dictionary<string, string?> Settings(int timeoutSeconds = 5) => new()
    {
        ["ValuePool:Payments:Provider"] = "wechatpay",
        ["ValuePool:Payments:WeChatPay:MchId"] = MchId,
        ["ValuePool:Payments:WeChatPay:AppId"] = AppId,
        ["ValuePool:Payments:WeChatPay:MerchantSerialNumber"] = MerchantSerial,
        ["ValuePool:Payments:WeChatPay:MerchantPrivateKey"] = MerchantKey.ExportPkcs8PrivateKeyPem(),
        ["ValuePool:Payments:WeChatPay:ApiV3Key"] = ApiV3Key,
        [$"ValuePool:Payments:WeChatPay:PlatformPublicKeys:{PublicKeyId}"] = PlatformKey.ExportSubjectPublicKeyInfoPem(),
        ["ValuePool:Payments:WeChatPay:NotifyUrl"] = "https://pay.example.test/api/payments/wechatpay/notify",
        ["ValuePool:Payments:WeChatPay:BaseUrl"] = _server.BaseUrl,
        ["ValuePool:Payments:WeChatPay:TimeoutSeconds"] = timeoutSeconds.ToString(),
    };

    /// <summary>The payer paid: the trade succeeds, and this is the notification WeChat Pay sends (body and headers).</summary>
    public (string Body, Dictionary<string, string> Headers) Pay(string outTradeNo, long? totalFen = null, string mchId = MchId)
    {
        var trade = Trades[outTradeNo];
        trade.State = "SUCCESS";
        return Notification("TRANSACTION.SUCCESS", "transaction", TransactionJson(trade, totalFen ?? trade.Total, mchId));
    }

    /// <summary>The refund's end, notified; a <c>CLOSED</c> one (退款关闭) returned nothing, so it no longer counts against the trade.</summary>
    public (string Body, Dictionary<string, string> Headers) RefundNotification(string outRefundNo, string status = "SUCCESS", DateTimeOffset? at = null)
    {
        var refund = Refunds[outRefundNo];
        refund["ended"] = status;
        var resource = new JsonObject
        {
            ["mchid"] = MchId, ["out_trade_no"] = refund["out_trade_no"]!.GetValue<string>(), ["transaction_id"] = "4200x", ["out_refund_no"] = outRefundNo,
            ["refund_id"] = "5030" + outRefundNo, ["refund_status"] = status, ["success_time"] = "2026-12-02T10:00:00+08:00",
            ["amount"] = new JsonObject { ["total"] = refund["amount"]!["total"]!.GetValue<long>(), ["refund"] = refund["amount"]!["refund"]!.GetValue<long>() },
        };
        return Notification("REFUND." + status, "refund", resource.ToJsonString(), at);
    }

    /// <summary>A notification signed and encrypted as WeChat Pay does; <paramref name="at"/> sets its timestamp (a replay of an old one).</summary>
    public (string Body, Dictionary<string, string> Headers) Notification(string eventType, string originalType, string plain, DateTimeOffset? at = null)
    {
        var nonce = RandomNumberGenerator.GetHexString(12);
        var sealedBytes = new byte[Encoding.UTF8.GetByteCount(plain) + 16];
        using (var aes = new AesGcm(Encoding.UTF8.GetBytes(ApiV3Key), 16))
        {
            var plainBytes = Encoding.UTF8.GetBytes(plain);
            aes.Encrypt(Encoding.UTF8.GetBytes(nonce), plainBytes, sealedBytes.AsSpan(0, plainBytes.Length), sealedBytes.AsSpan(plainBytes.Length),
                Encoding.UTF8.GetBytes(originalType));
        }
        var body = new JsonObject
        {
            ["id"] = "EV-" + RandomNumberGenerator.GetHexString(16), ["create_time"] = "2026-12-02T10:00:00+08:00", ["resource_type"] = "encrypt-resource",
            ["event_type"] = eventType, ["summary"] = "支付成功",
            ["resource"] = new JsonObject
            {
                ["original_type"] = originalType, ["algorithm"] = "AEAD_AES_256_GCM", ["ciphertext"] = Convert.ToBase64String(sealedBytes),
                ["associated_data"] = originalType, ["nonce"] = nonce,
            },
        }.ToJsonString();
        return (body, SignedHeaders(body, at));
    }

    public Dictionary<string, string> SignedHeaders(string body, DateTimeOffset? at = null, RSA? key = null)
    {
        var timestamp = (at ?? Now()).ToUnixTimeSeconds().ToString();
        var nonce = RandomNumberGenerator.GetHexString(32);
        return new Dictionary<string, string>
        {
            ["Wechatpay-Serial"] = PublicKeyId, ["Wechatpay-Timestamp"] = timestamp, ["Wechatpay-Nonce"] = nonce,
            ["Wechatpay-Signature"] = WeChatPaySignature.Sign(key ?? PlatformKey, WeChatPaySignature.ResponseMessage(timestamp, nonce, body)),
        };
    }

    private static string TransactionJson(Trade trade, long totalFen, string mchId) => new JsonObject
    {
        ["appid"] = AppId, ["mchid"] = mchId, ["out_trade_no"] = trade.OutTradeNo, ["transaction_id"] = trade.TransactionId, ["trade_type"] = trade.TradeType,
        ["trade_state"] = trade.State, ["trade_state_desc"] = trade.State, ["bank_type"] = "OTHERS", ["attach"] = trade.Attach,
        ["success_time"] = "2026-12-02T10:00:00+08:00", ["payer"] = new JsonObject { ["openid"] = "o-payer" },
        ["amount"] = new JsonObject { ["total"] = totalFen, ["payer_total"] = totalFen, ["currency"] = "CNY", ["payer_currency"] = "CNY" },
    }.ToJsonString();

    private async Task<IResult> PrepayAsync(string type, HttpRequest request)
    {
        var body = await LoopbackServer.BodyAsync(request);
        if (await RefusedAsync(request, body) is { } refused) return refused;
        var prepay = JsonNode.Parse(body)!;
        var outTradeNo = prepay["out_trade_no"]!.GetValue<string>();
        Trades.TryAdd(outTradeNo, new Trade(outTradeNo, prepay["attach"]!.GetValue<string>(), prepay["amount"]!["total"]!.GetValue<long>(), type.ToUpperInvariant()));
        var answer = type switch
        {
            "native" => new JsonObject { ["code_url"] = "weixin://wxpay/bizpayurl?pr=" + outTradeNo },
            "jsapi" => new JsonObject { ["prepay_id"] = "wx" + outTradeNo },
            _ => new JsonObject { ["h5_url"] = "https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=wx" + outTradeNo },
        };
        return Signed(answer.ToJsonString());
    }

    private async Task<IResult> QueryAsync(string no, HttpRequest request)
    {
        if (await RefusedAsync(request, "") is { } refused) return refused;
        return Trades.TryGetValue(no, out var trade)
            ? Signed(TransactionJson(trade, trade.Total, MchId))
            : Signed("""{"code":"ORDER_NOT_EXIST","message":"订单不存在"}""", StatusCodes.Status404NotFound);
    }

    private async Task<IResult> CloseAsync(string no, HttpRequest request)
    {
        if (await RefusedAsync(request, await LoopbackServer.BodyAsync(request)) is { } refused) return refused;
        if (Trades.TryGetValue(no, out var trade) && trade.State == "NOTPAY") trade.State = "CLOSED";
        return Signed("", StatusCodes.Status204NoContent);
    }

    private async Task<IResult> RefundAsync(HttpRequest request)
    {
        var body = await LoopbackServer.BodyAsync(request);
        if (await RefusedAsync(request, body) is { } refused) return refused;
        var refund = JsonNode.Parse(body)!.AsObject();
        var outTradeNo = refund["out_trade_no"]!.GetValue<string>();
        if (!Trades.TryGetValue(outTradeNo, out var trade) || trade.State != "SUCCESS")
            return Signed("""{"code":"RESOURCE_NOT_EXISTS","message":"订单不存在"}""", StatusCodes.Status404NotFound);
        var refunded = Refunds.Values.Where(r => r["out_trade_no"]!.GetValue<string>() == outTradeNo && r["ended"]?.GetValue<string>() != "CLOSED").Sum(r => r["amount"]!["refund"]!.GetValue<long>());
        if (refunded + refund["amount"]!["refund"]!.GetValue<long>() > trade.Total)
            return Signed("""{"code":"INVALID_REQUEST","message":"退款金额超过订单金额"}""", StatusCodes.Status400BadRequest);
        var outRefundNo = refund["out_refund_no"]!.GetValue<string>();
        Refunds[outRefundNo] = refund;
        return Signed(new JsonObject { ["refund_id"] = "5030" + outRefundNo, ["out_refund_no"] = outRefundNo, ["status"] = "PROCESSING" }.ToJsonString());
    }

    private async Task<IResult> TransferAsync(HttpRequest request)
    {
        var body = await LoopbackServer.BodyAsync(request);
        if (await RefusedAsync(request, body) is { } refused) return refused;
        var batch = JsonNode.Parse(body)!.AsObject();
        var no = batch["out_batch_no"]!.GetValue<string>();
        if (!no.All(char.IsAsciiLetterOrDigit)) return Signed("""{"code":"PARAM_ERROR","message":"out_batch_no 只能由数字和字母组成"}""", StatusCodes.Status400BadRequest);
        Transfers.TryAdd(no, (batch, "PROCESSING"));
        return Signed(new JsonObject { ["out_batch_no"] = no, ["batch_id"] = "1030" + no, ["create_time"] = "2026-12-02T10:00:00+08:00", ["batch_status"] = "ACCEPTED" }.ToJsonString());
    }

    private async Task<IResult> TransferDetailAsync(string batch, string detail, HttpRequest request)
    {
        if (await RefusedAsync(request, "") is { } refused) return refused;
        if (!Transfers.TryGetValue(batch, out var transfer)) return Signed("""{"code":"NOT_FOUND","message":"记录不存在"}""", StatusCodes.Status404NotFound);
        var answer = new JsonObject { ["out_batch_no"] = batch, ["out_detail_no"] = detail, ["detail_status"] = transfer.State, ["openid"] = transfer.Batch["transfer_detail_list"]![0]!["openid"]!.GetValue<string>() };
        if (transfer.State == "FAIL") answer["fail_reason"] = "ACCOUNT_FROZEN";
        return Signed(answer.ToJsonString());
    }

    private const string BillHeader = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额," +
        "代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";

    /// <summary>The trade bill as WeChat Pay writes it: every field prefixed with a backtick, yuan amounts, then the summary lines.</summary>
    public byte[] Bill()
    {
        static string Row(params string[] fields) => string.Join(",", fields.Select(f => "`" + f));
        static string Yuan(long fen) => new ValuePool.Core.Amounts.Money(fen).ToString();
        var rows = new List<string> { BillHeader };
        foreach (var trade in Trades.Values.Where(t => t.State is "SUCCESS" && !Unbilled.Contains(t.OutTradeNo)))
        {
            var amount = BilledAmounts.GetValueOrDefault(trade.OutTradeNo, Yuan(trade.Total));
            rows.Add(Row("2026-12-02 10:00:00", AppId, MchId, "0", "", trade.TransactionId, trade.OutTradeNo, "o-payer", trade.TradeType, "SUCCESS", "OTHERS", "CNY",
                amount, "0.00", "0", "0", "0.00", "0.00", "", "", "ValuePool", trade.Attach, "0.00600", "0.60%", amount, "0.00", ""));
        }
        foreach (var (no, yuan) in ExtraBillPayments)
            rows.Add(Row("2026-12-02 10:00:00", AppId, MchId, "0", "", "4200extra", no, "o-payer", "NATIVE", "SUCCESS", "OTHERS", "CNY", yuan, "0.00", "0", "0",
                "0.00", "0.00", "", "", "其他", "", "0.00", "0.60%", yuan, "0.00", ""));
        foreach (var (no, refund) in Refunds)
            rows.Add(Row("2026-12-02 11:00:00", AppId, MchId, "0", "", "4200x", refund["out_trade_no"]!.GetValue<string>(), "o-payer", "NATIVE", "REFUND", "OTHERS", "CNY",
                "0.00", "0.00", "5030" + no, no, Yuan(refund["amount"]!["refund"]!.GetValue<long>()), "0.00", "ORIGINAL", "SUCCESS", "ValuePool", "", "0.00", "0.60%",
                "0.00", Yuan(refund["amount"]!["refund"]!.GetValue<long>()), ""));
        rows.Add("总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额");
        rows.Add(Row(rows.Count.ToString(), "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"));
        return Encoding.UTF8.GetBytes("\uFEFF" + string.Join("\r\n", rows) + "\r\n");
    }

    private async Task<IResult> TradeBillAsync(HttpRequest request)
    {
        if (await RefusedAsync(request, "") is { } refused) return refused;
        if (request.Query["bill_type"] != "ALL" || !DateOnly.TryParseExact(request.Query["bill_date"], "yyyy-MM-dd", out _))
            return Signed("""{"code":"PARAM_ERROR","message":"参数错误"}""", StatusCodes.Status400BadRequest);
        var hash = Convert.ToHexStringLower(SHA1.HashData(WrongBillHash ? [1, 2, 3] : Bill()));
        return Signed(new JsonObject
        {
            ["hash_type"] = "SHA1", ["hash_value"] = hash, ["download_url"] = _server.BaseUrl + "/v3/billdownload/file?token=" + RandomNumberGenerator.GetHexString(16),
        }.ToJsonString());
    }

    private async Task<IResult> BillFileAsync(HttpRequest request) =>
        await RefusedAsync(request, "") is { } refused ? refused : Results.Bytes(Bill(), "text/csv");

    /// <summary>401 unless the request's Authorization verifies with the merchant's key over method, path, timestamp, nonce and body.</summary>
    private async Task<IResult?> RefusedAsync(HttpRequest request, string body)
    {
        if (Delay is { } delay) await Task.Delay(delay);
        var authorization = request.Headers.Authorization.ToString();
        var fields = AuthorizationField().Matches(authorization).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var pathAndQuery = request.Path + request.QueryString;
        var verified = authorization.StartsWith(WeChatPaySignature.Scheme + " ", StringComparison.Ordinal)
            && fields.GetValueOrDefault("mchid") == MchId && fields.GetValueOrDefault("serial_no") == MerchantSerial
            && WeChatPaySignature.Verify(MerchantKey, WeChatPaySignature.RequestMessage(request.Method, pathAndQuery, fields.GetValueOrDefault("timestamp") ?? "",
                fields.GetValueOrDefault("nonce_str") ?? "", body), fields.GetValueOrDefault("signature") ?? "");
        if (verified) return null;
        Interlocked.Increment(ref Unsigned);
        return Results.Json(new { code = "SIGN_ERROR", message = "签名错误" }, statusCode: StatusCodes.Status401Unauthorized);
    }

    private IResult Signed(string body, int status = StatusCodes.Status200OK) => new SignedResult(body, status, SignedHeaders(body));

    private sealed class SignedResult(string body, int status, Dictionary<string, string> headers) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            foreach (var (name, value) in headers) context.Response.Headers[name] = value;
            if (body.Length == 0) return;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        }
    }

    [GeneratedRegex("(\\w+)=\"([^\"]*)\"")]
    private static partial Regex AuthorizationField();

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        MerchantKey.Dispose();
        PlatformKey.Dispose();
    }
}
