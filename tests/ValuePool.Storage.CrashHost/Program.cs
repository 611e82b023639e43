using ValuePool.Storage;
using ValuePool.Storage.CrashHost;
using ValuePool.Storage.Sequencing;

// Usage: CrashHost DB FIRST COUNT. Submits keys FIRST.. with many in flight and prints "ack N" once
// each is durable (a refused one, a sale of points not yet held, is never journaled: it prints nothing);
// the crash test kills this process with SIGKILL at a random moment.
var (location, first, count) = (args[0], long.Parse(args[1]), long.Parse(args[2]));
const int InFlightMax = 512;
await using var sequencer = Sequencer.Start(StoreLocation.Open(location),
    new SequencerOptions { CommandsPerBatchMax = 256, SnapshotEveryEntries = 5_000 });
await sequencer.SubmitAsync(CrashWorkload.StoreKey, CrashWorkload.Store);
Console.WriteLine("ready");
for (var window = first; window < first + count; window += InFlightMax)
{
    var numbers = Enumerable.Range(0, InFlightMax).Select(i => window + i);
    await Task.WhenAll(numbers.Select(async number =>
    {
        var receipt = await sequencer.SubmitAsync(CrashWorkload.Key(number), CrashWorkload.Command(number));
        if (receipt.Status != SubmitStatus.Refused) Console.WriteLine($"ack {number}");
    }));
}
return 0;
