using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ValuePool.Server.Payments.Alipay;

namespace ValuePool.Server.Tests.Providers;

/// <summary>
/// The Alipay open platform gateway as a test fake on loopback, with keys made for the test: it verifies every request's RSA2
/// signature with the app's public key, answers with the response object signed by its own "Alipay" key, and makes the signed
/// asynchronous notifications Alipay would post.
/// </summary>
public sealed class FakeAlipay : IAsyncDisposable
{
    public const string AppId = "2021000000000001";
    public const string SellerId = "2088000000000001";
    public RSA AppKey { get; } = RSA.Create(2048);
    public RSA AlipayKey { get; } = RSA.Create(2048);
    private LoopbackServer _server = null!;

    public sealed record Trade(string OutTradeNo, string TotalAmount, string Body)
    {
        public string Status { get; set; } = "WAIT_BUYER_PAY";
        public string TradeNo { get; } = "2026120222001" + RandomNumberGenerator.GetHexString(12);
    }

    public ConcurrentDictionary<string, Trade> Trades { get; } = new();
    public ConcurrentDictionary<string, JsonObject> Refunds { get; } = new();
    /// <summary>Transfers by out_biz_no: what was sent and its status (SUCCESS, DEALING, FAIL).</summary>
    public ConcurrentDictionary<string, (JsonObject Biz, string Status)> Transfers { get; } = new();
    /// <summary>The status a new transfer gets.</summary>
    public string TransferStatus { get; set; } = "SUCCESS";
    public int Unsigned;
    /// <summary>Payments the bill lists that this platform never heard of.</summary>
    public List<(string OutTradeNo, string Yuan)> ExtraBillPayments { get; } = [];
    /// <summary>The sub_code every refund is refused with, when set.</summary>
    public string? RefuseRefunds { get; set; }

    public static async Task<FakeAlipay> StartAsync()
    {
        var fake = new FakeAlipay();
        fake._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/gateway.do", fake.GatewayAsync);
            app.MapGet("/bill.zip", () => Results.Bytes(fake.Bill(), "application/zip"));
        });
        return fake;
    }

    public Dictionary<string, string?> Settings() => new()
    {
        ["ValuePool:Payments:Provider"] = "alipay",
        ["ValuePool:Payments:Alipay:AppId"] = AppId,
        ["ValuePool:Payments:Alipay:SellerId"] = SellerId,
        ["ValuePool:Payments:Alipay:AppPrivateKey"] = AppKey.ExportPkcs8PrivateKeyPem(),
        ["ValuePool:Payments:Alipay:AlipayPublicKey"] = AlipayKey.ExportSubjectPublicKeyInfoPem(),
        ["ValuePool:Payments:Alipay:NotifyUrl"] = "https://pay.example.test/api/payments/alipay/notify",
        ["ValuePool:Payments:Alipay:GatewayUrl"] = _server.BaseUrl + "/gateway.do",
        ["ValuePool:Payments:Alipay:TimeoutSeconds"] = "5",
    };

    /// <summary>The payer paid: the trade succeeds, and this is the form Alipay posts to notify_url.</summary>
    public string Pay(string outTradeNo, string? totalAmount = null, string sellerId = SellerId)
    {
        var trade = Trades[outTradeNo];
        trade.Status = "TRADE_SUCCESS";
        return Notification(new Dictionary<string, string>
        {
            ["notify_time"] = "2026-12-02 10:00:00", ["notify_type"] = "trade_status_sync", ["notify_id"] = RandomNumberGenerator.GetHexString(32),
            ["app_id"] = AppId, ["charset"] = "utf-8", ["version"] = "1.0", ["trade_no"] = trade.TradeNo, ["out_trade_no"] = outTradeNo,
            ["trade_status"] = "TRADE_SUCCESS", ["total_amount"] = totalAmount ?? trade.TotalAmount, ["receipt_amount"] = totalAmount ?? trade.TotalAmount,
            ["seller_id"] = sellerId, ["buyer_id"] = "2088102177846880", ["body"] = trade.Body, ["subject"] = "订单 & 付款", ["gmt_payment"] = "2026-12-02 10:00:00",
        });
    }

    /// <summary>A signed form: the signed content is the decoded values, the body carries them URL-encoded.</summary>
    public string Notification(Dictionary<string, string> form, RSA? key = null)
    {
        form["sign_type"] = "RSA2";
        form["sign"] = AlipaySignature.Sign(key ?? AlipayKey, AlipaySignature.Content(form, "sign", "sign_type"));
        return string.Join("&", form.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
    }

    private async Task<IResult> GatewayAsync(HttpRequest request)
    {
        var form = (await request.ReadFormAsync()).ToDictionary(p => p.Key, p => p.Value.ToString());
        var method = form.GetValueOrDefault("method") ?? "";
        var node = method.Replace('.', '_') + "_response";
        if (form.GetValueOrDefault("app_id") != AppId || !AlipaySignature.Verify(AppKey, AlipaySignature.Content(form, "sign"), form.GetValueOrDefault("sign")))
        {
            Interlocked.Increment(ref Unsigned);
            return Answer(node, new JsonObject { ["code"] = "40002", ["msg"] = "Invalid Arguments", ["sub_code"] = "isv.invalid-signature" });
        }
        var biz = JsonNode.Parse(form["biz_content"])!.AsObject();
        if (method.StartsWith("alipay.fund.trans.", StringComparison.Ordinal)) return Transfer(node, method, biz);
        if (method == "alipay.data.dataservice.bill.downloadurl.query")
            return Answer(node, Success(new JsonObject { ["bill_download_url"] = _server.BaseUrl + "/bill.zip?downloadFileName=" + biz["bill_date"]!.GetValue<string>() }));
        var outTradeNo = biz["out_trade_no"]!.GetValue<string>();
        Trades.TryGetValue(outTradeNo, out var trade);
        return method switch
        {
            "alipay.trade.precreate" => Precreate(node, biz, outTradeNo),
            "alipay.trade.query" when trade is not null => Answer(node, Success(new JsonObject
            {
                ["trade_no"] = trade.TradeNo, ["out_trade_no"] = outTradeNo, ["trade_status"] = trade.Status, ["total_amount"] = trade.TotalAmount,
                ["buyer_logon_id"] = "159****5620",
            })),
            "alipay.trade.close" when trade is { Status: "WAIT_BUYER_PAY" } => Closed(node, trade),
            "alipay.trade.refund" when trade is { Status: "TRADE_SUCCESS" } => Refund(node, biz, trade),
            _ => Answer(node, new JsonObject { ["code"] = "40004", ["msg"] = "Business Failed", ["sub_code"] = "ACQ.TRADE_NOT_EXIST", ["sub_msg"] = "交易不存在" }),
        };
    }

    private IResult Transfer(string node, string method, JsonObject biz)
    {
        var no = biz["out_biz_no"]!.GetValue<string>();
        if (method == "alipay.fund.trans.uni.transfer") Transfers.TryAdd(no, (biz, TransferStatus));
        if (!Transfers.TryGetValue(no, out var transfer))
            return Answer(node, new JsonObject { ["code"] = "40004", ["msg"] = "Business Failed", ["sub_code"] = "ORDER_NOT_EXIST" });
        var answer = Success(new JsonObject { ["out_biz_no"] = no, ["order_id"] = "2026" + no, ["status"] = transfer.Status, ["trans_date"] = "2026-12-02 10:00:00" });
        if (transfer.Status == "FAIL") answer["fail_reason"] = "PAYEE_NOT_EXIST";
        return Answer(node, answer);
    }

    /// <summary>The trade bill as Alipay ships it: a ZIP of GBK CSVs, the detail between '#' comment lines, refunds negative.</summary>
    public byte[] Bill()
    {
        var rows = new List<string>
        {
            "#支付宝业务明细查询", "#账号：[20880000000000010156]", "#起始日期：[2026年12月01日 00:00:00]   终止日期：[2026年12月02日 00:00:00]",
            "#-----------------------------------------业务明细列表----------------------------------------",
            "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）," +
            "支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注",
        };
        string Row(string tradeNo, string outTradeNo, string kind, string yuan, string refundNo) =>
            $"{tradeNo}	,{outTradeNo}	,{kind},ValuePool,2026-12-01 10:00:00,2026-12-01 10:00:05,,,,,buyer***@example.com,{yuan},{yuan},0.00,0.00,0.00,0.00,0.00,,0.00,0.00,{refundNo}	,-0.06,0.00,";
        foreach (var trade in Trades.Values.Where(t => t.Status == "TRADE_SUCCESS"))
            rows.Add(Row(trade.TradeNo, trade.OutTradeNo, "交易", trade.TotalAmount, ""));
        foreach (var (no, yuan) in ExtraBillPayments) rows.Add(Row("2026120122001extra", no, "交易", yuan, ""));
        foreach (var (no, refund) in Refunds)
            rows.Add(Row(Trades[refund["out_trade_no"]!.GetValue<string>()].TradeNo, refund["out_trade_no"]!.GetValue<string>(), "退款", "-" + refund["refund_amount"]!.GetValue<string>(), no));
        rows.Add("#-----------------------------------------业务明细列表结束------------------------------------");
        rows.Add($"#交易合计：{Trades.Count}笔，商家实收共0.00元，商家优惠共0.00元");
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create))
        {
            Write(archive, "20880000000000010156_20261201_业务明细.csv", string.Join("\r\n", rows));
            Write(archive, "20880000000000010156_20261201_业务明细(汇总).csv", "#支付宝业务汇总查询\r\n门店编号,门店名称,交易订单总笔数\r\n,,0");
        }
        return zip.ToArray();
    }

    private static void Write(System.IO.Compression.ZipArchive archive, string name, string text)
    {
        using var entry = archive.CreateEntry(name).Open();
        entry.Write(AlipayBill.Gbk.GetBytes(text));
    }

    private IResult Precreate(string node, JsonObject biz, string outTradeNo)
    {
        Trades.TryAdd(outTradeNo, new Trade(outTradeNo, biz["total_amount"]!.GetValue<string>(), biz["body"]!.GetValue<string>()));
        return Answer(node, Success(new JsonObject { ["out_trade_no"] = outTradeNo, ["qr_code"] = "https://qr.alipay.com/bax" + outTradeNo }));
    }

    private IResult Closed(string node, Trade trade)
    {
        trade.Status = "TRADE_CLOSED";
        return Answer(node, Success(new JsonObject { ["trade_no"] = trade.TradeNo, ["out_trade_no"] = trade.OutTradeNo }));
    }

    private IResult Refund(string node, JsonObject biz, Trade trade)
    {
        if (RefuseRefunds is { } code) return Answer(node, new JsonObject { ["code"] = "40004", ["msg"] = "Business Failed", ["sub_code"] = code });
        Refunds[biz["out_request_no"]!.GetValue<string>()] = biz;
        return Answer(node, Success(new JsonObject
        {
            ["trade_no"] = trade.TradeNo, ["out_trade_no"] = trade.OutTradeNo, ["fund_change"] = "Y", ["refund_fee"] = biz["refund_amount"]!.GetValue<string>(),
        }));
    }

    private static JsonObject Success(JsonObject fields)
    {
        fields["code"] = "10000";
        fields["msg"] = "Success";
        return fields;
    }

    /// <summary>Alipay's answer: the response object's exact text is what its sign covers.</summary>
    private IResult Answer(string node, JsonObject response)
    {
        var text = response.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var sign = AlipaySignature.Sign(AlipayKey, text);
        return Results.Text($"{{\"{node}\":{text},\"sign\":\"{sign}\"}}", "application/json; charset=utf-8");
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        AppKey.Dispose();
        AlipayKey.Dispose();
    }
}
