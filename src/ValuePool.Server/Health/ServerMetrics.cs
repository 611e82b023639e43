using System.Diagnostics.Metrics;
using ValuePool.Server.Payments;

namespace ValuePool.Server.Health;

/// <summary>The platform's own counters, exported with ASP.NET Core's through OpenTelemetry in Prometheus format.</summary>
public sealed class ServerMetrics
{
    public const string MeterName = "ValuePool.Server";
    private readonly Counter<long> _ordersCompleted;
    private readonly Counter<long> _callbacks;

    public ServerMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _ordersCompleted = meter.CreateCounter<long>("valuepool.orders.completed", "{order}", "Orders completed (points and rewards moved)");
        _callbacks = meter.CreateCounter<long>("valuepool.payment.callbacks", "{callback}", "Payment callbacks received, by outcome");
    }

    public void OrderCompleted() => _ordersCompleted.Add(1);

    public void Callback(CallbackOutcome outcome) => _callbacks.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString()));
}
