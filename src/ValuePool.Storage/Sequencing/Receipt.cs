using ValuePool.Core.Engine;

namespace ValuePool.Storage.Sequencing;

/// <summary>How the sequencer answered a submitted command.</summary>
public enum SubmitStatus
{
    /// <summary>Applied now and durable: <see cref="Receipt.Result"/> is the engine's answer.</summary>
    Applied = 0,
    /// <summary>The key was seen before with the same request: the first answer, nothing changed.</summary>
    Duplicate = 1,
    /// <summary>The key was seen before with a different request: refused, nothing changed.</summary>
    KeyConflict = 2,
    /// <summary>
    /// The engine refused the command (<see cref="Receipt.Result"/> says why): nothing changed and nothing was journaled,
    /// so a refusal costs no journal space, and a retry under the same key is judged afresh. <see cref="Receipt.Sequence"/>
    /// is the last entry durable when it was judged.
    /// </summary>
    Refused = 3,
}

/// <summary>The answer to one command, given only once every entry it may depend on is durable.</summary>
public readonly record struct Receipt(SubmitStatus Status, long Sequence, CommandResult Result)
{
    /// <summary>The order an applied <see cref="Consume"/> booked (what it charged, its split); null otherwise, and for a retry.</summary>
    public OrderBooked? Order { get; init; }
}
