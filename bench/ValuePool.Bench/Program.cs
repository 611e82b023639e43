using BenchmarkDotNet.Running;
using ValuePool.Bench;

// Console modes run before BenchmarkDotNet sees the arguments:
//   --memory     engine bytes per member with 1,000,000 members (docs/PERFORMANCE.md)
//   --stopwatch  one timed pass of the order array on a warm engine, with the forced-exit count
if (args.Contains("--memory")) return MemoryPerMember.Run();
if (args.Contains("--stopwatch")) return StopwatchRun.Run();
//   --journal DB [ORDERS]  durable orders/s through the journal (SQLite file or postgres:// URI)
if (args is ["--journal", var db, ..]) return JournalThroughput.Run(db, args.Length > 2 ? int.Parse(args[2]) : 1_000_000);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

public partial class Program;
