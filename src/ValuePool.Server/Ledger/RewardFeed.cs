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
public sealed class RewardFeed(AlongsideStatements statements, TimeProvider time) : IEntryProjection
{
    private const int CreditsPerPiece = 256;
    private const string InsertSql =
        "INSERT INTO reward_credit (seq, line, member_id, kind, amount_fen, source_key) VALUES (@seq, @line, @memberId, @kind, @amountFen, @sourceKey) " +
        "ON CONFLICT (seq, line) DO NOTHING";

    private sealed record Credit(long Sequence, int Line, string MemberId, TransferKind Kind, long AmountFen, string SourceKey);

    private readonly List<Credit> _seen = [];

    public void Observe(long sequence, string idempotencyKey, Command command, CommandResult result, ValuePoolEngine engine)
    {
        if (!result.IsAccepted()) return;
        var transfers = engine.Ledger.CurrentTransaction;
        for (var line = 0; line < transfers.Count; line++)
        {
            var transfer = transfers[line];
            if (transfer.To.Kind == AccountKind.MemberCash && IsCredit(transfer.Kind))
                _seen.Add(new Credit(sequence, line, engine.MemberIdAt(transfer.To.Owner), transfer.Kind, transfer.Amount, idempotencyKey));
        }
    }

    public IReadOnlyList<AlongsideRows> Flush()
    {
        var pieces = _seen.Chunk(CreditsPerPiece).Select(Record).ToList();
        _seen.Clear();
        return pieces;
    }

    /// <summary>Each credit's row, and its webhook only when the row is new.</summary>
    private AlongsideRows Record(Credit[] credits) => (connection, transaction) =>
    {
        var nowMs = UnixTime.Ms(time.GetUtcNow());
        foreach (var credit in credits)
        {
            var inserted = statements.Execute(connection, transaction, InsertSql, ("seq", credit.Sequence), ("line", (long)credit.Line),
                ("memberId", credit.MemberId), ("kind", credit.Kind.ToString()), ("amountFen", credit.AmountFen), ("sourceKey", credit.SourceKey));
            if (inserted == 0) continue;
            var eventKind = credit.Kind == TransferKind.ForcedExitPayout ? WebhookOutbox.ForcedExit : WebhookOutbox.RewardCredited;
            WebhookOutbox.Enqueue(statements, connection, transaction, WebhookOutbox.Prepared(eventKind, $"{eventKind}:{credit.Sequence}:{credit.Line}",
                new { memberId = credit.MemberId, kind = credit.Kind.ToString(), amount = AmountJson.FenText(credit.AmountFen), source = credit.SourceKey }, nowMs));
        }
    };

    private static bool IsCredit(TransferKind kind) => kind is TransferKind.ReferralReward or TransferKind.RecruiterReward or TransferKind.AgentReward
        or TransferKind.ForcedExitPayout or TransferKind.ShareholderDividend or TransferKind.InitiatorBonus or TransferKind.PartnerDividend
        or TransferKind.PartnerReferralReward or TransferKind.CardSellerReward;
}
