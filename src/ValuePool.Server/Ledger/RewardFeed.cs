using System.Text.Json;
using Dapper;
using ValuePool.Core.Engine;
using ValuePool.Core.Ledger;
using ValuePool.Server.Data;
using ValuePool.Server.Http;
using ValuePool.Server.Webhooks;
using ValuePool.Storage.Journal;
using ValuePool.Storage.Projections;

namespace ValuePool.Server.Ledger;

/// <summary>
/// Cash credited to members — rewards, dividends, forced-exit payouts — recorded (<c>reward_credit</c>) with their
/// webhooks queued, as rows written with the projections: keyed by journal sequence and line, so a catch-up after a
/// crash or a rebuild records nothing twice, and nothing credited goes unrecorded, whenever the process stops.
/// </summary>
public sealed class RewardFeed(ServerDatabase database, TimeProvider time) : IEntryProjection
{
    private const int CreditsPerPiece = 256;

    private sealed record Credit(long Sequence, int Line, string MemberId, TransferKind Kind, long AmountFen, string SourceKey);

    private readonly List<Credit> _seen = [];

    public void Observe(long sequence, string idempotencyKey, Command command, IEngineView engine)
    {
        // Lines number the credits, then the forced exits, of the entry: stable for the entry, so a catch-up writes the same keys.
        var outcome = engine.Outcome;
        var line = 0;
        foreach (var credit in outcome.Credits)
            _seen.Add(new Credit(sequence, line++, engine.MemberIdAt(credit.Member), credit.Kind, credit.Amount.Fen, idempotencyKey));
        foreach (var exit in outcome.Exits)
            _seen.Add(new Credit(sequence, line++, engine.MemberIdAt(exit.Member), TransferKind.ForcedExitPayout, exit.Paid.Fen, idempotencyKey));
    }

    public IReadOnlyList<AlongsideRows> Flush()
    {
        var pieces = _seen.Chunk(CreditsPerPiece).Select(Record).ToList();
        _seen.Clear();
        return pieces;
    }

    /// <summary>The credits' rows in one statement, and webhooks for those whose row is new (a catch-up may find some written).</summary>
    private AlongsideRows Record(Credit[] credits) => (connection, transaction) =>
    {
        var rows = JsonSerializer.Serialize(credits.Select(c => new object[] { c.Sequence, c.Line, c.MemberId, c.Kind.ToString(), c.AmountFen, c.SourceKey }));
        var inserted = connection.Query<(long Sequence, long Line)>(
            "INSERT INTO reward_credit (seq, line, member_id, kind, amount_fen, source_key) " +
            "SELECT CAST(j.value ->> 0 AS BIGINT), CAST(j.value ->> 1 AS BIGINT), j.value ->> 2, j.value ->> 3, CAST(j.value ->> 4 AS BIGINT), j.value ->> 5 " +
            $"FROM {database.JsonArrayRows("@rows")} WHERE true ON CONFLICT (seq, line) DO NOTHING RETURNING seq, line", new { rows }, transaction).ToHashSet();
        var events = credits.Where(c => inserted.Contains((c.Sequence, c.Line))).Select(Event).ToList();
        WebhookOutbox.EnqueueAll(database, connection, transaction, events, UnixTime.Ms(time.GetUtcNow()));
    };

    private static (string Kind, string EventId, object Data) Event(Credit credit)
    {
        var kind = credit.Kind == TransferKind.ForcedExitPayout ? WebhookOutbox.ForcedExit : WebhookOutbox.RewardCredited;
        return (kind, $"{kind}:{credit.Sequence}:{credit.Line}",
            new { memberId = credit.MemberId, kind = credit.Kind.ToString(), amount = AmountJson.FenText(credit.AmountFen), source = credit.SourceKey });
    }

}
