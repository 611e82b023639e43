using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ValuePool.Core.Amounts;
using ValuePool.Server.Payments.Reconciliation;

namespace ValuePool.Server.Payments.WeChatPay;

/// <summary>
/// The trade bill (交易账单, <c>GET /v3/bill/tradebill?bill_date=…&amp;bill_type=ALL</c>): its signed answer names a
/// <c>download_url</c> and the SHA1 of the file; the file itself is not signed, so it is trusted only when its hash matches.
/// Its rows (交易状态 SUCCESS or REFUND) end at the summary line (总交易单数…); amounts are yuan.
/// </summary>
public static class WeChatPayBill
{
    private sealed record BillAnswer(string? HashType, string? HashValue, string? DownloadUrl);

    public static async Task<ProviderBill> DownloadAsync(WeChatPayClient client, DateOnly day, CancellationToken cancel)
    {
        var answer = await client.SendAsync(HttpMethod.Get, $"/v3/bill/tradebill?bill_date={day:yyyy-MM-dd}&bill_type=ALL", null, cancel);
        if (!answer.IsSuccess) return ProviderBill.Unavailable(answer.Failure ?? Code(answer.Body) ?? $"http_{(int)answer.Status}");
        BillAnswer? bill;
        try { bill = JsonSerializer.Deserialize<BillAnswer>(answer.Body, WeChatPayMessages.Json); }
        catch (JsonException) { return ProviderBill.Unavailable("malformed_answer"); }
        if (bill is not { DownloadUrl: { Length: > 0 } url, HashValue: { Length: > 0 } hash } || !Uri.TryCreate(url, UriKind.Absolute, out var address))
            return ProviderBill.Unavailable("malformed_answer");
        var file = await client.DownloadAsync(address, cancel);
        if (file is null) return ProviderBill.Unavailable("download_failed");
        if (!string.Equals(Convert.ToHexString(SHA1.HashData(file)), hash, StringComparison.OrdinalIgnoreCase)) return ProviderBill.Unavailable("hash_mismatch");
        return Parse(Encoding.UTF8.GetString(file).TrimStart('\uFEFF'));
    }

    public static ProviderBill Parse(string text)
    {
        var rows = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (rows.Length == 0) return new ProviderBill([], null);
        var csv = new CsvLines(CsvLines.Fields(rows[0]));
        var (state, paymentId, transactionId, settled, refundId, refunded) = (csv.Column("交易状态"), csv.Column("商户订单号"), csv.Column("微信订单号"),
            csv.Column("应结订单金额"), csv.Column("商户退款单号"), csv.Column("退款金额"));
        if (state < 0 || paymentId < 0 || settled < 0) return ProviderBill.Unavailable("malformed_bill");
        var lines = new List<BillLine>();
        foreach (var row in rows.Skip(1))
        {
            if (!row.StartsWith('`')) break;
            var fields = CsvLines.Fields(row);
            var kind = CsvLines.At(fields, state);
            var amount = kind == "REFUND" ? CsvLines.At(fields, refunded) : CsvLines.At(fields, settled);
            if (kind is not ("SUCCESS" or "REFUND") || !AmountText.TryParseMoney(amount, out var money, out _)) return ProviderBill.Unavailable("malformed_bill");
            lines.Add(new BillLine(kind == "REFUND" ? BillLineKind.Refund : BillLineKind.Payment, CsvLines.At(fields, paymentId) ?? "",
                kind == "REFUND" ? CsvLines.At(fields, refundId) : null, money, CsvLines.At(fields, transactionId) ?? ""));
        }
        return new ProviderBill(lines, null);
    }

    private static string? Code(string body)
    {
        try { return JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var code) ? code.GetString() : null; }
        catch (JsonException) { return null; }
    }
}
