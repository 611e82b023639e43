using ValuePool.Core.Engine;
using ValuePool.Storage.Sequencing;

namespace ValuePool.Server.Hosting;

/// <summary>The sequencer takes one observer; this one passes every call on to several, in order.</summary>
public sealed class SequencerObservers(params ISequencerObserver[] observers) : ISequencerObserver
{
    public void Applied(long sequence, string idempotencyKey, Command command, CommandResult result, ValuePoolEngine engine)
    {
        foreach (var observer in observers) observer.Applied(sequence, idempotencyKey, command, result, engine);
    }

    public void Committed()
    {
        foreach (var observer in observers) observer.Committed();
    }
}
