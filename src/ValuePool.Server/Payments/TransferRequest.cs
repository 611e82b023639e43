using ValuePool.Core.Amounts;

namespace ValuePool.Server.Payments;

/// <summary>
/// A payout to a payee's account at the provider: <paramref name="PayeeAccount"/> is the payee's WeChat openid (零钱) or Alipay
/// logon id; <paramref name="TransferId"/> (letters and digits) is the merchant's number for it, so asking again is the same transfer.
/// </summary>
public sealed record TransferRequest(string TransferId, Money Amount, string PayeeAccount, string? PayeeName, string Remark);

/// <summary>The provider's word on a transfer; <paramref name="Failure"/> is its reason when it failed.</summary>
public sealed record TransferState(TransferProgress Progress, string? Failure = null);

public enum TransferProgress
{
    /// <summary>The money reached the payee.</summary>
    Succeeded,
    /// <summary>Accepted, or not answered: a later query says how it ended.</summary>
    Processing,
    /// <summary>Nothing reached the payee: the money goes back to where it was withdrawn from.</summary>
    Failed,
}
