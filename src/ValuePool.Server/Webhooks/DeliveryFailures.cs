using ValuePool.Server.Http;

namespace ValuePool.Server.Webhooks;

/// <summary>
/// Why a webhook delivery failed, stored as a code (<c>webhook_delivery.last_error</c>): <c>http_503</c> (the receiver answered
/// that status), <c>timeout</c> or <c>unreachable</c>; shown to admins in words, Chinese first.
/// </summary>
public static class DeliveryFailures
{
    public const string Timeout = "timeout";
    public const string Unreachable = "unreachable";

    public static string Status(int status) => $"http_{status}";

    public static Bilingual Text(string code) => code switch
    {
        Timeout => new("接收方未在时限内应答，稍后重试", "the receiver did not answer in time; tried again later"),
        Unreachable => new("无法连接接收方，稍后重试", "the receiver could not be reached; tried again later"),
        _ when code.StartsWith("http_", StringComparison.Ordinal) => new($"接收方返回 HTTP {code[5..]}，稍后重试", $"the receiver answered HTTP {code[5..]}; tried again later"),
        _ => new($"投递失败：{code}", $"delivery failed: {code}"), // written before the codes
    };
}
