using ValuePool.Core.Engine;

namespace ValuePool.Core.Settlements;

/// <summary>
/// Runs the settlements of every day that has closed since the last run, by an injected clock
/// (TimeProvider), so tests move time themselves. A run after a pause catches up day by day; a day
/// settled twice changes nothing, because the engine makes each settlement idempotent.
/// </summary>
public sealed class SettlementClock(TimeProvider time, DateOnly lastClosedDay)
{
    public DateOnly LastClosedDay { get; private set; } = lastClosedDay;

    /// <summary>Applies the due settlements to <paramref name="engine"/>; returns each command with its result.</summary>
    public IReadOnlyList<(Command Command, CommandResult Result)> RunDue(ValuePoolEngine engine)
    {
        var yesterday = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-1);
        var applied = new List<(Command, CommandResult)>();
        for (var day = LastClosedDay.AddDays(1); day <= yesterday; day = day.AddDays(1))
        {
            var stores = engine.StoreIdsOrdinal().Select(id => engine.FindStore(id)!).ToArray();
            foreach (var command in SettlementCalendar.ClosingWith(day, stores)) applied.Add((command, engine.Apply(command)));
            LastClosedDay = day;
        }
        return applied;
    }
}
