using BenchmarkDotNet.Running;
using ValuePool.Bench;

// Console modes run before BenchmarkDotNet sees the arguments:
//   --memory     engine bytes per member with 1,000,000 members (docs/PERFORMANCE.md)
//   --stopwatch [--members N] [--by-id]  timed passes of the order array on a warm engine, with forced-exit counts
if (args.Contains("--memory")) return MemoryPerMember.Run();
if (args.Contains("--stopwatch"))
{
    var at = Array.IndexOf(args, "--members");
    return StopwatchRun.Run(at >= 0 ? int.Parse(args[at + 1]) : BenchWorld.Members, resolved: !args.Contains("--by-id"));
}
//   --journal DB [ORDERS]  durable orders/s through the journal (SQLite file or postgres:// URI)
if (args is ["--journal", var db, ..]) return JournalThroughput.Run(db, args.Length > 2 ? int.Parse(args[2]) : 1_000_000);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

public partial class Program;
