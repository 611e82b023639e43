using System.Globalization;
using ValuePool.LoadTest;
using ValuePool.Storage;
using ValuePool.Storage.Audit;

// dotnet run -c Release --project bench/ValuePool.LoadTest -- --clients 64 --seconds 15 [--warmup 3] [--referred] [--url http://127.0.0.1:5080[,http://127.0.0.1:5081…]]
var options = LoadOptions.Parse(args);
var db = options.Db ?? Path.Combine(Directory.CreateTempSubdirectory("valuepool-load-").FullName, "valuepool.db");
var server = options.Url is null ? await InProcessServer.StartAsync(db) : null;
var url = options.Url ?? server!.Url;
IReadOnlyList<Uri> nodes = server is null ? options.Nodes : [new Uri(server.Url)];
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients }) { BaseAddress = nodes[0] };
var run = new LoadRun(http, options, nodes);

Console.WriteLine($"server {url}, journal {(options.Url is null ? db : "(remote)")}, {options.Clients} clients{(options.Referred ? " referred by the store's owner" : "")}, " +
    $"{options.WarmupSeconds} s warm-up + {options.Seconds} s measured");
var (storeId, shareCode) = await run.OpenStoreAsync();
var tokens = await run.RegisterMembersAsync(options.Referred ? shareCode : null);
var result = await run.RunAsync(storeId, tokens);
await run.SellAllAtOnceAsync(tokens);

double Percentile(double p) => result.LatencyMs.Length == 0 ? 0 : result.LatencyMs[(int)Math.Min(result.LatencyMs.Length - 1, p * result.LatencyMs.Length)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"completed orders: {result.CompletedOrders} in {result.Seconds:0.0} s = {result.CompletedOrders / result.Seconds:0} orders/s; failures {result.Failures}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"order latency (one request: create, pay, complete): p50 {Percentile(0.50):0.0} ms, p95 {Percentile(0.95):0.0} ms, p99 {Percentile(0.99):0.0} ms, max {Percentile(1):0.0} ms"));

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"CPU of this process: {result.CpuSeconds:0.0} s in {result.Seconds} s = {result.CpuSeconds / result.Seconds:0.00} of {Environment.ProcessorCount} cores " +
    $"({(server is null ? "the load generator alone" : "server and load generator together")})"));

if (server is null) return 0;
await server.DisposeAsync();
using var store = StoreLocation.Open(db);
var audit = JournalAudit.Run(store);
Console.WriteLine($"audit verify: {(audit.Passed ? "sound" : "FAILED: " + audit.Problem)} ({audit.Entries} entries)");
return audit.Passed ? 0 : 1;
