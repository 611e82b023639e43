using System.Threading.Channels;
using Dapper;
using ValuePool.Core.Engine;
using ValuePool.Core.Ledger;
using ValuePool.Server.Data;
using ValuePool.Server.Http;
using ValuePool.Server.Wallet;
using ValuePool.Server.Webhooks;
using ValuePool.Storage.Sequencing;

namespace ValuePool.Server.Ledger;

/// <summary>
/// Watches the sequencer (on its thread) for cash credited to members — rewards, dividends, forced-exit
/// payouts — and, once their batch is durable, records them (<c>reward_credit</c>) and queues their
/// webhooks. Rows are keyed by journal sequence and line, so a replay after a restart adds nothing twice.
/// </summary>
public sealed class RewardFeed(ServerDatabase database) : ISequencerObserver
{
    public sealed record Credit(long Sequence, int Line, string MemberId, TransferKind Kind, long AmountFen, string SourceKey);

    private readonly List<Credit> _pending = [];
    private readonly Channel<IReadOnlyList<Credit>> _durable = Channel.CreateUnbounded<IReadOnlyList<Credit>>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<IReadOnlyList<Credit>> Durable => _durable.Reader;

    public void Applied(long sequence, string idempotencyKey, Command command, CommandResult result, ValuePoolEngine engine)
    {
        if (!result.IsAccepted()) return;
        var transfers = engine.Ledger.CurrentTransaction;
        for (var line = 0; line < transfers.Count; line++)
        {
            var transfer = transfers[line];
            if (transfer.To.Kind == AccountKind.MemberCash && IsCredit(transfer.Kind))
                _pending.Add(new Credit(sequence, line, engine.MemberIdAt(transfer.To.Owner), transfer.Kind, transfer.Amount, idempotencyKey));
        }
    }

    public void Committed()
    {
        if (_pending.Count == 0) return;
        _durable.Writer.TryWrite(_pending.ToArray());
        _pending.Clear();
    }

    public static void Record(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction t, Credit credit, long nowMs)
    {
        var inserted = c.Execute(
            "INSERT INTO reward_credit (seq, line, member_id, kind, amount_fen, source_key) VALUES (@Sequence, @Line, @MemberId, @kind, @AmountFen, @SourceKey) " +
            "ON CONFLICT (seq, line) DO NOTHING", new { credit.Sequence, credit.Line, credit.MemberId, kind = credit.Kind.ToString(), credit.AmountFen, credit.SourceKey }, t);
        if (inserted == 0) return;
        var eventKind = credit.Kind == TransferKind.ForcedExitPayout ? WebhookOutbox.ForcedExit : WebhookOutbox.RewardCredited;
        WebhookOutbox.Enqueue(c, t, eventKind, $"{eventKind}:{credit.Sequence}:{credit.Line}",
            new { memberId = credit.MemberId, kind = credit.Kind.ToString(), amount = AmountJson.FenText(credit.AmountFen), source = credit.SourceKey }, nowMs);
    }

    public async Task<IReadOnlyList<RewardRow>> OfMemberAsync(string memberId, string? kind) =>
        (await database.QueryAsync<(long Seq, string Kind, long AmountFen, string Source)>(
            "SELECT seq, kind, amount_fen, source_key FROM reward_credit WHERE member_id = @memberId AND (@kind IS NULL OR kind = @kind) ORDER BY seq, line",
            new { memberId, kind }))
        .Select(row => new RewardRow(row.Seq, row.Kind, AmountJson.FenText(row.AmountFen), row.Source)).ToArray();

    private static bool IsCredit(TransferKind kind) => kind is TransferKind.ReferralReward or TransferKind.RecruiterReward or TransferKind.AgentReward
        or TransferKind.ForcedExitPayout or TransferKind.ShareholderDividend or TransferKind.InitiatorBonus or TransferKind.PartnerDividend
        or TransferKind.PartnerReferralReward or TransferKind.CardSellerReward;
}
