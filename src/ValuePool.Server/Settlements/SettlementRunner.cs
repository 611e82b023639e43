using System.Globalization;
using ValuePool.Core.Engine;
using ValuePool.Core.Settlements;
using ValuePool.Server.Data;
using ValuePool.Server.Ledger;

namespace ValuePool.Server.Settlements;

/// <summary>
/// Runs the settlement calendar (shopping-point expiry, shareholder dividends, partner periods) for
/// every day closed since the last run, through the sequencer with keys such as
/// <c>settle:shareholders:{store}:{day}</c>, so a day run twice (a restart mid-way) pays once.
/// </summary>
public sealed class SettlementRunner(LedgerGateway ledger, ServerSettings settings, TimeProvider time, ILogger<SettlementRunner> log)
{
    /// <summary>The last day settled, in <c>server_setting</c>; public so tests can rewind it and prove a re-run pays nothing twice.</summary>
    public const string Checkpoint = "settlements.last_closed_day";

    public async Task<int> RunDueAsync()
    {
        var now = time.GetUtcNow();
        var last = settings.Get(Checkpoint) is { } text
            ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : DateOnly.FromDateTime(now.UtcDateTime).AddDays(-2); // a new database: yesterday is the first day to close
        var applied = 0;
        foreach (var day in SettlementCalendar.DaysClosedAfter(last, now))
        {
            var closing = day;
            var commands = await ledger.ReadAsync(engine =>
                SettlementCalendar.ClosingWith(closing, engine.StoreIdsOrdinal().Select(id => engine.FindStore(id)!).ToArray(),
                    engine.Config.ShareholderDividend != Core.Configuration.ModeSettlement.Off).ToArray());
            foreach (var command in commands)
            {
                var receipt = await ledger.SubmitAsync(LedgerKeys.Settlement(command), command);
                if (receipt.Result.IsAccepted()) applied++;
                else log.LogWarning("Settlement {Key} refused: {Result}", LedgerKeys.Settlement(command), receipt.Result);
            }
            settings.Set(Checkpoint, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        return applied;
    }


}
