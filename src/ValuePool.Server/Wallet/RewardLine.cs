namespace ValuePool.Server.Wallet;

/// <summary>One credit to a member's cash as the back office lists it: whose, of which kind, how much (fen), from which entry, when.</summary>
public sealed record RewardLine(long Sequence, string MemberId, string Kind, long AmountFen, string Source, DateTimeOffset? At);

/// <summary>A credit in the back office's reward list: <c>kind</c> is the engine's transfer kind, <c>at</c> the time of its entry.</summary>
public sealed record RewardListItem(long Sequence, string MemberId, string Kind, string Amount, string Source, DateTimeOffset? At);
