using System.IO.Compression;
using System.Text;
using ValuePool.Core.Amounts;
using ValuePool.Server.Payments.Reconciliation;

namespace ValuePool.Server.Payments.Alipay;

/// <summary>
/// The trade bill (<c>alipay.data.dataservice.bill.downloadurl.query</c>, <c>bill_type</c> trade): its signed answer names a
/// short-lived <c>bill_download_url</c> to a ZIP of GBK-encoded CSVs; the detail file (…业务明细.csv, not its 汇总) lists one
/// row per payment (业务类型 交易) and refund (退款, its amount negative) between comment lines starting with <c>#</c>.
/// </summary>
public static class AlipayBill
{
    private sealed record BillQuery(string BillType, string BillDate);

    public static async Task<ProviderBill> DownloadAsync(AlipayClient client, DateOnly day, CancellationToken cancel)
    {
        var answer = await client.CallAsync("alipay.data.dataservice.bill.downloadurl.query", new BillQuery("trade", day.ToString("yyyy-MM-dd")),
            withNotifyUrl: false, cancel);
        if (!answer.IsSuccess) return ProviderBill.Unavailable(answer.Reason);
        if (answer.Text("bill_download_url") is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var address)) return ProviderBill.Unavailable("malformed_answer");
        var zip = await client.DownloadAsync(address, cancel);
        if (zip is null) return ProviderBill.Unavailable("download_failed");
        try
        {
            using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
            var detail = archive.Entries.FirstOrDefault(e => e.Name.EndsWith("业务明细.csv", StringComparison.Ordinal));
            if (detail is null) return ProviderBill.Unavailable("malformed_bill");
            using var reader = new StreamReader(detail.Open(), Gbk);
            return Parse(await reader.ReadToEndAsync(cancel));
        }
        catch (InvalidDataException) { return ProviderBill.Unavailable("malformed_bill"); }
    }

    /// <summary>GBK (code page 936), which .NET has only through the code-pages provider.</summary>
    public static Encoding Gbk { get; } = CodePagesEncodingProvider.Instance.GetEncoding(936)!;

    public static ProviderBill Parse(string text)
    {
        var rows = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(r => !r.StartsWith('#')).ToArray();
        if (rows.Length == 0) return new ProviderBill([], null);
        var csv = new CsvLines(CsvLines.Fields(rows[0]));
        var (tradeNo, paymentId, kind, amount, refundId) = (csv.Column("支付宝交易号"), csv.Column("商户订单号"), csv.Column("业务类型"), csv.Column("订单金额（元）"),
            csv.Column("退款批次号/请求号"));
        if (paymentId < 0 || kind < 0 || amount < 0) return ProviderBill.Unavailable("malformed_bill");
        var lines = new List<BillLine>();
        foreach (var fields in rows.Skip(1).Select(CsvLines.Fields))
        {
            var type = CsvLines.At(fields, kind);
            if (type is not ("交易" or "退款") || !AmountText.TryParseMoney(CsvLines.At(fields, amount)?.TrimStart('-'), out var money, out _))
                return ProviderBill.Unavailable("malformed_bill");
            lines.Add(new BillLine(type == "退款" ? BillLineKind.Refund : BillLineKind.Payment, CsvLines.At(fields, paymentId) ?? "",
                type == "退款" ? CsvLines.At(fields, refundId) : null, money, CsvLines.At(fields, tradeNo) ?? ""));
        }
        return new ProviderBill(lines, null);
    }
}
