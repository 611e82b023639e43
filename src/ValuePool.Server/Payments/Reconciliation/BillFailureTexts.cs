using ValuePool.Server.Http;

namespace ValuePool.Server.Payments.Reconciliation;

/// <summary>
/// Why a day has no bill, for finance: the code a bill download answered (<see cref="ProviderBill.Failure"/>) in words, Chinese first.
/// A provider's own code (e.g. WeChat Pay's <c>NO_STATEMENT_EXIST</c>) is named as the provider's answer.
/// </summary>
public static class BillFailureTexts
{
    /// <summary>The simulated provider's: it keeps no bill to reconcile with.</summary>
    public const string NoBillKept = "no_bill_kept";

    public static Bilingual Of(string code) => code switch
    {
        "timeout" => new("支付机构未在时限内应答，稍后自动重试", "the provider did not answer in time; tried again later"),
        "unreachable" => new("无法连接支付机构，稍后自动重试", "the provider could not be reached; tried again later"),
        "malformed_answer" => new("支付机构的应答无法识别", "the provider's answer could not be read"),
        "download_failed" => new("账单文件下载失败，稍后自动重试", "the bill file could not be downloaded; tried again later"),
        "hash_mismatch" => new("账单文件校验不符（文件不完整或被篡改），稍后自动重试", "the bill file's hash did not match; tried again later"),
        "malformed_bill" => new("账单文件格式无法识别", "the bill file could not be read"),
        NoBillKept or "the simulated provider keeps no bill" => new("模拟支付不提供对账单", "the simulated provider keeps no bill"),
        _ when code.StartsWith("http_", StringComparison.Ordinal) => new($"支付机构返回 HTTP {code[5..]}", $"the provider answered HTTP {code[5..]}"),
        _ => new($"支付机构返回：{code}（如账单尚未生成，稍后自动重试）", $"the provider answered: {code} (a bill not ready yet is tried again later)"),
    };
}
