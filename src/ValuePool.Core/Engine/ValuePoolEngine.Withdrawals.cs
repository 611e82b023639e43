using ValuePool.Core.Amounts;
using ValuePool.Core.Ledger;

namespace ValuePool.Core.Engine;

/// <summary>
/// Cash out (MODEL.md §6): request → review → paid or returned. The requested cash leaves the
/// wallet at once, so it cannot be spent or requested twice while finance reviews it; each request
/// is reviewed once, so nothing is paid twice.
/// </summary>
public sealed partial class ValuePoolEngine
{
    private readonly Dictionary<string, Withdrawal> _withdrawals = new(StringComparer.Ordinal);
    private static readonly Account Pending = new(AccountKind.PendingWithdrawals);

    private CommandResult Apply(RequestWithdrawal request)
    {
        if (string.IsNullOrEmpty(request.Id) || string.IsNullOrEmpty(request.Member)) return CommandResult.InvalidId;
        if (request.Amount < Config.WithdrawalMinimum) return CommandResult.BelowWithdrawalMinimum;
        if (_withdrawals.ContainsKey(request.Id)) return CommandResult.DuplicateWithdrawal;
        if (!_members.TryFind(request.Member, out var member) || _members[member].CashFen < request.Amount.Fen) return CommandResult.InsufficientCash;
        Ledger.Post(Account.MemberCash(member), Pending, request.Amount.Fen, TransferKind.WithdrawalRequested);
        _withdrawals.Add(request.Id, new Withdrawal(request.Id, request.Member, request.Amount, WithdrawalStatus.Pending, Money.Zero, request.At));
        return CommandResult.Ok;
    }

    private CommandResult Apply(ReviewWithdrawal review)
    {
        if (!_withdrawals.TryGetValue(review.Id, out var withdrawal)) return CommandResult.UnknownWithdrawal;
        if (withdrawal.Status != WithdrawalStatus.Pending) return CommandResult.WithdrawalAlreadyReviewed;
        _members.TryFind(withdrawal.Member, out var member);
        if (review.Approve)
        {
            var fee = withdrawal.Amount.Share(Config.WithdrawalFee);
            Ledger.Post(Pending, new Account(AccountKind.WithdrawalsPaid), (withdrawal.Amount - fee).Fen, TransferKind.WithdrawalPaid);
            Ledger.Post(Pending, Account.PlatformRevenue, fee.Fen, TransferKind.WithdrawalFee);
            _withdrawals[review.Id] = withdrawal with { Status = WithdrawalStatus.Paid, Fee = fee };
        }
        else
        {
            Ledger.Post(Pending, Account.MemberCash(member), withdrawal.Amount.Fen, TransferKind.WithdrawalReturned);
            _withdrawals[review.Id] = withdrawal with { Status = WithdrawalStatus.Rejected };
        }
        return CommandResult.Ok;
    }

    public Withdrawal? FindWithdrawal(string id) => _withdrawals.GetValueOrDefault(id);

    /// <summary>Every withdrawal, in request order (finance's review list filters this).</summary>
    public IEnumerable<Withdrawal> Withdrawals() => _withdrawals.Values;
}
