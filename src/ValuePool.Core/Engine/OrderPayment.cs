namespace ValuePool.Core.Engine;

/// <summary>Where the money of a completed order is (MODEL.md §8): it decides who pays the order's split.</summary>
public enum OrderPayment : byte
{
    /// <summary>The payment provider collected the amount for the platform: the split comes out of it.</summary>
    Online = 0,
    /// <summary>
    /// The customer paid the merchant directly (cash or the merchant's own terminal), recorded at the till: the
    /// platform received nothing, so the commission is taken from the store's prepaid deposit.
    /// </summary>
    OfflineTill = 1,
}
