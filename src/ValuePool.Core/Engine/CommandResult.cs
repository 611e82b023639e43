namespace ValuePool.Core.Engine;

/// <summary>
/// The outcome of a command: a stable, numbered list that the API and CLI map to messages.
/// Every refusal leaves the engine exactly as it was.
/// </summary>
public enum CommandResult
{
    Ok = 0,
    /// <summary>A binding to oneself, one closing a cycle, or one the policy keeps out: accepted, changes nothing.</summary>
    BindingIgnored = 1,
    AmountNotPositive = 10,
    InsufficientPoints = 11,
    UnknownStore = 12,
    DuplicateStore = 13,
    RegionTaken = 14,
    RegionLevelMismatch = 15,
    StoreRegionIncomplete = 16,
    ConfigAfterFirstOrder = 17,
    InvalidConfig = 18,
    InvalidId = 19,
    ShoppingPointsAboveLimit = 20,
    InsufficientShoppingPoints = 21,
    SharesAboveOne = 22,
    SharesNotOne = 23,
    InvalidPeriod = 24,
    PeriodOverlaps = 25,
    UnknownCard = 26,
    DuplicateCard = 27,
    CardBenefitUnavailable = 28,
    InvalidTerms = 29,
    BelowWithdrawalMinimum = 30,
    InsufficientCash = 31,
    DuplicateWithdrawal = 32,
    UnknownWithdrawal = 33,
    WithdrawalAlreadyReviewed = 34,
    InvalidRates = 35,
    AmountAboveMaximum = 36,
    InsufficientDeposit = 37,
    InsufficientStoreBalance = 38,
    /// <summary>No command of this kind exists (or none was given): a caller's bug, refused like any other.</summary>
    UnknownCommand = 39,
    /// <summary>Applying the command failed inside the engine; the sequencer undid it and kept serving everyone else.</summary>
    CommandFailed = 40,
    DividendPeriodOverlaps = 41,
    /// <summary>Only an approved (paid) withdrawal can be returned after its transfer failed.</summary>
    WithdrawalNotPaid = 42,
}

public static class CommandResultExtensions
{
    public static bool IsAccepted(this CommandResult result) => result is CommandResult.Ok or CommandResult.BindingIgnored;

    public static string Describe(this CommandResult result) => result switch
    {
        CommandResult.Ok => "applied",
        CommandResult.BindingIgnored => "binding ignored (self, cycle, or an existing binding wins)",
        CommandResult.AmountNotPositive => "the amount must be above zero",
        CommandResult.InsufficientPoints => "the member holds fewer points than the sale",
        CommandResult.UnknownStore => "no store has this id",
        CommandResult.DuplicateStore => "a store with this id already exists",
        CommandResult.RegionTaken => "this region already has an agent",
        CommandResult.RegionLevelMismatch => "the region's number of parts does not match the agent level",
        CommandResult.StoreRegionIncomplete => "a store's region is [province, city, district]",
        CommandResult.ConfigAfterFirstOrder => "the configuration cannot change after the first order",
        CommandResult.InvalidConfig => "the configuration is invalid",
        CommandResult.InvalidId => "ids must be non-empty and at most 128 characters",
        CommandResult.ShoppingPointsAboveLimit => "shopping points may pay at most the configured share (70%) of the price",
        CommandResult.InsufficientShoppingPoints => "the member holds fewer shopping points than used",
        CommandResult.SharesAboveOne => "the store's shares would exceed 1 in total",
        CommandResult.SharesNotOne => "settling shareholders needs the store's shares to sum to exactly 1",
        CommandResult.InvalidPeriod => "the period's start is after its end",
        CommandResult.PeriodOverlaps => "the period overlaps a partner period already settled for this store",
        CommandResult.UnknownCard => "no membership card has this id",
        CommandResult.DuplicateCard => "a membership card with this id already exists",
        CommandResult.CardBenefitUnavailable => "the member has no valid card here, or its benefit was used today or has ended",
        CommandResult.BelowWithdrawalMinimum => "the withdrawal is below the minimum",
        CommandResult.InsufficientCash => "the member's wallet holds less cash than requested",
        CommandResult.DuplicateWithdrawal => "a withdrawal with this id already exists",
        CommandResult.UnknownWithdrawal => "no withdrawal has this id",
        CommandResult.WithdrawalAlreadyReviewed => "the withdrawal was already approved or rejected",
        CommandResult.InvalidRates => "the product's rates are outside the configuration's limits",
        CommandResult.InvalidTerms => "the terms are outside their bounds (see each field's limit)",
        CommandResult.AmountAboveMaximum => "the amount is above the platform's maximum for a single amount",
        CommandResult.InsufficientDeposit => "the store's prepaid deposit does not cover this till sale's commission; top it up first",
        CommandResult.InsufficientStoreBalance => "the store's balance holds less than requested",
        CommandResult.UnknownCommand => "no such command",
        CommandResult.CommandFailed => "the command failed inside the engine and was undone; nothing changed",
        CommandResult.DividendPeriodOverlaps => "the period overlaps a platform shareholders' dividend period already settled",
        CommandResult.WithdrawalNotPaid => "the withdrawal is not approved and paid, or its money was already returned",
        _ => result.ToString(),
    };
}
