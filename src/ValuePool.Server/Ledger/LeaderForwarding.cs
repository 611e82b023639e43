using System.Globalization;
using ValuePool.Server.Http;

namespace ValuePool.Server.Ledger;

/// <summary>
/// Makes every node answer like the leader. A write (any API request but GET, HEAD and OPTIONS) reaching a follower is
/// forwarded to the leader's advertised address and its answer returned as it came, once this node has applied the
/// entries it made; the leader's answer to a write carries <see cref="SequenceHeader"/>, the last durable entry when it
/// answered (the write's own or later). A request that names a sequence in <see cref="AfterSequenceHeader"/> is served
/// only once this node has applied it (read-your-writes on any node), waiting at most <see cref="ReachWaitMax"/>.
/// A forwarded write carries the client's address beside the leader's peer token, and the leader takes that address as the
/// connection's (its limits per client then count each client, not each follower); without the token it is ignored.
/// </summary>
public sealed class LeaderForwarding(RequestDelegate next, LedgerGateway ledger, IHttpClientFactory clients, ILogger<LeaderForwarding> log)
{
    public const string SequenceHeader = "ValuePool-Sequence";
    public const string AfterSequenceHeader = "ValuePool-After-Sequence";

    /// <summary>
    /// Set on a forwarded request, to the leader's peer token: a node that is no longer the leader when it arrives refuses it
    /// rather than forward it again.
    /// </summary>
    public const string ForwardedHeader = "ValuePool-Forwarded";

    /// <summary>The address of the client a forwarded request came from, believed only beside the leader's peer token.</summary>
    public const string ForwardedForHeader = "ValuePool-Forwarded-For";

    public const string ClientName = nameof(LeaderForwarding);

    public static readonly TimeSpan ReachWaitMax = TimeSpan.FromSeconds(5);

    private static readonly Bilingual NoLeader = new("暂无主节点可处理写请求，请稍后重试（使用同一幂等键）",
        "no leader takes writes at the moment: retry shortly (with the same Idempotency-Key)");
    private static readonly Bilingual NotCaughtUp = new("本节点尚未追上所请求的日志序号，请稍后重试",
        "this node has not yet applied the journal entry the request names: retry shortly");

    /// <summary>Headers that belong to one connection, not to the request (RFC 9110 §7.6.1), the host, which is the leader's, and the forwarding pair, which only this node sets.</summary>
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Proxy-Connection", "Content-Length",
        ForwardedHeader, ForwardedForHeader,
    };

    public async Task InvokeAsync(HttpContext context)
    {
        TakeForwardedClient(context);
        if (context.Request.Headers.TryGetValue(AfterSequenceHeader, out var after)
            && long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            && !await ReachedAsync(sequence))
        {
            await Unavailable(context, "NotCaughtUp", NotCaughtUp);
            return;
        }
        var writes = IsWrite(context.Request);
        if (writes && ledger.Role == NodeRole.Follower)
        {
            await ForwardAsync(context);
            return;
        }
        if (writes) context.Response.OnStarting(() =>
        {
            context.Response.Headers[SequenceHeader] = ledger.AppliedSequence.ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        await next(context);
    }

    /// <summary>A write another node forwarded (its peer token is this leader's) came from the client it names; otherwise the name is a client's claim, dropped.</summary>
    private void TakeForwardedClient(HttpContext context)
    {
        var headers = context.Request.Headers;
        if (!headers.TryGetValue(ForwardedForHeader, out var claimed)) return;
        headers.Remove(ForwardedForHeader);
        if (ledger.IsPeer(headers[ForwardedHeader]) && System.Net.IPAddress.TryParse(claimed, out var client)) context.Connection.RemoteIpAddress = client;
    }

    private static bool IsWrite(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));

    private async Task<bool> ReachedAsync(long sequence)
    {
        try
        {
            await ledger.ReachAsync(sequence).WaitAsync(ReachWaitMax);
            return true;
        }
        catch (TimeoutException) { return false; }
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var leader = context.Request.Headers.ContainsKey(ForwardedHeader) ? null : ledger.Leader();
        if (leader is null)
        {
            await Unavailable(context, "NoLeader", NoLeader);
            return;
        }
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), leader.Address.TrimEnd('/') + context.Request.Path + context.Request.QueryString)
        {
            Content = new StreamContent(context.Request.Body),
        };
        foreach (var (name, values) in context.Request.Headers)
        {
            if (NotForwarded.Contains(name)) continue;
            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values)) request.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
        }
        request.Headers.TryAddWithoutValidation(ForwardedHeader, leader.PeerToken);
        if (context.Connection.RemoteIpAddress is { } client) request.Headers.TryAddWithoutValidation(ForwardedForHeader, client.ToString());
        HttpResponseMessage response;
        try { response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted); }
        catch (HttpRequestException e)
        {
            log.LogWarning("The leader at {Leader} did not answer a forwarded write: {Why}", leader.Address, e.Message);
            await Unavailable(context, "NoLeader", NoLeader);
            return;
        }
        using (response)
        {
            // Answered as if here: what the write changed is in this node's replica before the client can read it.
            if (response.Headers.TryGetValues(SequenceHeader, out var written)
                && long.TryParse(written.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var last))
                await ReachedAsync(last);
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
                if (!NotForwarded.Contains(name)) context.Response.Headers[name] = values.ToArray();
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }

    /// <summary>503 with <c>Retry-After: 1</c>: this node cannot take the request now, and the same request (same key) can be sent again.</summary>
    public static Task Unavailable(HttpContext context, string code, Bilingual detail)
    {
        context.Response.Headers.RetryAfter = "1";
        return ApiProblem.Of(StatusCodes.Status503ServiceUnavailable, code, detail).ExecuteAsync(context);
    }
}
