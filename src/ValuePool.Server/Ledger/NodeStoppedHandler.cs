using Microsoft.AspNetCore.Diagnostics;
using ValuePool.Server.Http;
using ValuePool.Storage.Sequencing;

namespace ValuePool.Server.Ledger;

/// <summary>
/// A request in flight when this node stopped sequencing (a deposed leader, a journal that refused a batch) is answered 503
/// with <c>Retry-After</c>, not 500: the client sends it again under the same Idempotency-Key, and the node that sequences
/// now applies it once or answers its first outcome.
/// </summary>
public sealed class NodeStoppedHandler : IExceptionHandler
{
    private static readonly Bilingual Stopped = new("本节点已停止处理写请求（主节点正在切换），请稍后使用同一幂等键重试",
        "this node has stopped taking writes (the leader is changing): retry shortly with the same Idempotency-Key");

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (SequencerStoppedException or NotLeaderException)) return false;
        await LeaderForwarding.Unavailable(context, "NodeStopped", Stopped);
        return true;
    }
}
