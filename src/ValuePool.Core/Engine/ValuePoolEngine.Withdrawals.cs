using ValuePool.Core.Amounts;
using ValuePool.Core.Ledger;

namespace ValuePool.Core.Engine;

/// <summary>
/// Cash out (MODEL.md §6): request → review → paid or returned, for members' wallet cash and stores' balances alike. The requested cash leaves the
/// wallet at once, so it cannot be spent or requested twice while finance reviews it; each request
/// is reviewed once, so nothing is paid twice.
/// </summary>
public sealed partial class ValuePoolEngine
{
    private readonly Dictionary<string, Withdrawal> _withdrawals = new(StringComparer.Ordinal);
    private static readonly Account Pending = new(AccountKind.PendingWithdrawals);

    private CommandResult Apply(RequestWithdrawal request)
    {
        if (!IsValidId(request.Id) || !IsValidId(request.Member)) return CommandResult.InvalidId;
        if (request.Amount < Config.WithdrawalMinimum) return CommandResult.BelowWithdrawalMinimum;
        if (request.Amount > Config.AmountMax) return CommandResult.AmountAboveMaximum;
        if (_withdrawals.ContainsKey(request.Id)) return CommandResult.DuplicateWithdrawal;
        if (!_members.TryFind(request.Member, out var member) || _members[member].CashFen < request.Amount.Fen) return CommandResult.InsufficientCash;
        Ledger.Post(Account.MemberCash(member), Pending, request.Amount.Fen, TransferKind.WithdrawalRequested);
        _withdrawals.Add(request.Id, new Withdrawal(request.Id, request.Member, request.Amount, WithdrawalStatus.Pending, Money.Zero, request.At));
        return CommandResult.Ok;
    }

    /// <summary>A store's balance paid out to its merchant: the same review, the money waiting in the same pending account.</summary>
    private CommandResult Apply(RequestStorePayout request)
    {
        if (!IsValidId(request.Id) || !IsValidId(request.Store) || !IsValidId(request.Member)) return CommandResult.InvalidId;
        if (request.Amount < Config.WithdrawalMinimum) return CommandResult.BelowWithdrawalMinimum;
        if (request.Amount > Config.AmountMax) return CommandResult.AmountAboveMaximum;
        if (_withdrawals.ContainsKey(request.Id)) return CommandResult.DuplicateWithdrawal;
        if (!_stores.TryFind(request.Store, out var store)) return CommandResult.UnknownStore;
        if (Ledger[Account.StoreReceivable(store)] < request.Amount.Fen) return CommandResult.InsufficientStoreBalance;
        Ledger.Post(Account.StoreReceivable(store), Pending, request.Amount.Fen, TransferKind.WithdrawalRequested);
        _withdrawals.Add(request.Id, new Withdrawal(request.Id, request.Member, request.Amount, WithdrawalStatus.Pending, Money.Zero, request.At)
        {
            Store = request.Store,
        });
        return CommandResult.Ok;
    }

    private CommandResult Apply(ReviewWithdrawal review)
    {
        if (!IsValidId(review.Id)) return CommandResult.InvalidId;
        if (!_withdrawals.TryGetValue(review.Id, out var withdrawal)) return CommandResult.UnknownWithdrawal;
        if (withdrawal.Status != WithdrawalStatus.Pending) return CommandResult.WithdrawalAlreadyReviewed;
        if (review.Approve)
        {
            var fee = withdrawal.Amount.Share(Config.WithdrawalFee);
            Ledger.Post(Pending, new Account(AccountKind.WithdrawalsPaid), (withdrawal.Amount - fee).Fen, TransferKind.WithdrawalPaid);
            Ledger.Post(Pending, Account.PlatformRevenue, fee.Fen, TransferKind.WithdrawalFee);
            _withdrawals[review.Id] = withdrawal with { Status = WithdrawalStatus.Paid, Fee = fee };
        }
        else
        {
            Return(withdrawal);
            _withdrawals[review.Id] = withdrawal with { Status = WithdrawalStatus.Rejected };
        }
        return CommandResult.Ok;
    }

    /// <summary>The paid amount and the fee come back from where approval put them, then the whole goes back as for a rejection.</summary>
    private CommandResult Apply(ReturnFailedPayout failed)
    {
        if (!IsValidId(failed.Id)) return CommandResult.InvalidId;
        if (!_withdrawals.TryGetValue(failed.Id, out var withdrawal)) return CommandResult.UnknownWithdrawal;
        if (withdrawal.Status != WithdrawalStatus.Paid) return CommandResult.WithdrawalNotPaid;
        Ledger.Post(new Account(AccountKind.WithdrawalsPaid), Pending, (withdrawal.Amount - withdrawal.Fee).Fen, TransferKind.WithdrawalReturned);
        Ledger.Post(Account.PlatformRevenue, Pending, withdrawal.Fee.Fen, TransferKind.WithdrawalReturned);
        Return(withdrawal);
        _withdrawals[failed.Id] = withdrawal with { Status = WithdrawalStatus.Returned };
        return CommandResult.Ok;
    }

    /// <summary>A rejected request's money goes back where it came from: the member's wallet or the store's balance.</summary>
    private void Return(Withdrawal withdrawal)
    {
        if (withdrawal.Store is null)
        {
            _members.TryFind(withdrawal.Member, out var member);
            Ledger.Post(Pending, Account.MemberCash(member), withdrawal.Amount.Fen, TransferKind.WithdrawalReturned);
        }
        else
        {
            _stores.TryFind(withdrawal.Store, out var store);
            CreditStore(store, Pending, withdrawal.Amount, TransferKind.WithdrawalReturned);
        }
    }

    public Withdrawal? FindWithdrawal(string id) => IsValidId(id) ? _withdrawals.GetValueOrDefault(id) : null;

    /// <summary>Every withdrawal, in request order (finance's review list filters this).</summary>
    public IEnumerable<Withdrawal> Withdrawals() => _withdrawals.Values;
}
