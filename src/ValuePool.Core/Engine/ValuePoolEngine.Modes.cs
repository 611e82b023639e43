using System.Runtime.InteropServices;
using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Ledger;

namespace ValuePool.Core.Engine;

/// <summary>
/// The optional distribution modes (MODEL.md §3b): member levels by team spend, the multi-level differential, the peer
/// reward and the platform shareholders' weighted dividend. Their state lives in <see cref="MemberModes"/>, which exists
/// only when levels are configured: without them an order pays one null check for all of this.
/// </summary>
public sealed partial class ValuePoolEngine
{
    private MemberModes? _modes;
    /// <summary>The order's uplines within depthMax, reused by every order.</summary>
    private int[] _walk = [];
    /// <summary>The differential earners of the order (their place in <see cref="_walk"/> and the reward): one per level at most.</summary>
    private readonly (int Place, Money Reward)[] _earners = new (int, Money)[ConfigValidation.LevelsMax];

    /// <summary>
    /// The differential, then the peer rewards, of an order, with the levels as they stood before it. Walks at most
    /// depthMax uplines from the buyer's referrer. Wallet rewards are each cut to what is <paramref name="left"/> of the budget.
    /// </summary>
    private Money PayModeRewards(EngineConfig rates, Account payer, int buyer, Money amount, DateTimeOffset at, Money left)
    {
        if (rates.Differential == ModeSettlement.Off) return left;
        var modes = _modes!;
        if (_walk.Length < rates.DepthMax) _walk = new int[rates.DepthMax];
        var uplines = 0;
        for (var upline = ActiveReferrer(buyer, at); upline != Member.NoReferrer && uplines < rates.DepthMax; upline = ActiveReferrer(upline, at))
            _walk[uplines++] = upline;

        var highest = Rate.Zero;
        var top = rates.TopLevelRate;
        var earners = 0;
        for (var place = 0; place < uplines && highest < top; place++)
        {
            var level = modes.Level(_walk[place]);
            if (level == MemberModes.NoLevel || rates.Levels[level].Rate <= highest) continue;
            var reward = amount.Share(rates.Levels[level].Rate - highest);
            highest = rates.Levels[level].Rate;
            _earners[earners++] = (place, reward);
            left = SettleModeReward(rates.Differential, payer, _walk[place], reward, ModeReward.Differential, buyer, left);
        }
        if (rates.Peer == ModeSettlement.Off) return left;
        for (var e = 0; e < earners; e++)
        {
            var (place, reward) = _earners[e];
            var level = modes.Level(_walk[place]);
            for (var above = place + 1; above < uplines; above++)
            {
                if (modes.Level(_walk[above]) != level) continue;
                left = SettleModeReward(rates.Peer, payer, _walk[above], reward.Share(rates.PeerRate), ModeReward.Peer, buyer, left);
                break;
            }
        }
        return left;
    }

    /// <summary>Credits a wallet reward (cut to the budget left) or adds an offline one to the member's offline total.</summary>
    private Money SettleModeReward(ModeSettlement settlement, Account payer, int member, Money reward, ModeReward kind, int buyer, Money left)
    {
        if (settlement == ModeSettlement.Wallet)
        {
            reward = Money.Min(reward, left);
            CreditMember(payer, member, reward, kind == ModeReward.Peer ? TransferKind.PeerReward : TransferKind.DifferentialReward);
            left -= reward;
        }
        else _modes!.AddOffline(member, reward.Fen);
        Outcome.Add(new ModeRewardEarned(member, kind, reward, settlement, buyer));
        return left;
    }

    /// <summary>
    /// After an order's rewards: its amount joins the team spend of the buyer and of every upline, however deep (the levels
    /// rise with it), and, for the dividend, the day's revenue and each one's team spend of the day.
    /// </summary>
    private void AddToTeams(int buyer, Money amount, Money platformProfit, DateOnly day, DateTimeOffset at)
    {
        var modes = _modes!;
        var dividend = Config.ShareholderDividend != ModeSettlement.Off;
        if (dividend) CollectionsMarshal.GetValueRefOrAddDefault(modes.RevenueByDayFen, day, out _) += platformProfit.Fen;
        for (var member = buyer; member != Member.NoReferrer; member = ActiveReferrer(member, at))
        {
            modes.AddTeamSpend(member, amount.Fen);
            modes.RaiseLevel(member, LevelFor(modes.TeamSpendFen(member)));
            if (dividend) CollectionsMarshal.GetValueRefOrAddDefault(modes.TeamSpendAddedFen, (member, day), out _) += amount.Fen;
        }
    }

    /// <summary>The highest level whose threshold <paramref name="teamSpendFen"/> reaches, or none.</summary>
    private int LevelFor(long teamSpendFen)
    {
        var levels = Config.Levels;
        var level = MemberModes.NoLevel;
        while (level + 1 < levels.Count && levels[level + 1].TeamSpend.Fen <= teamSpendFen) level++;
        return level;
    }

    /// <summary>
    /// <c>floor2(dividendShare × R)</c> of the platform revenue R left by the period's orders, split among the members at the
    /// top level by their team spend added in the period (equally when none added), each part rounded down; the platform
    /// keeps the remainder. In wallet settlement it moves from platform revenue to their cash.
    /// A period is settled once: the same one again changes nothing, one overlapping it is refused.
    /// </summary>
    private CommandResult Apply(SettlePlatformShareholders command)
    {
        if (command.From > command.To) return CommandResult.InvalidPeriod;
        // With the mode off there is nothing to split, as with nobody at the top level: accepted, nothing recorded.
        if (Config.ShareholderDividend == ModeSettlement.Off || _modes is not { } modes) return CommandResult.Ok;
        if (modes.SettledPeriods.Contains((command.From, command.To))) return CommandResult.Ok;
        if (modes.SettledPeriods.Any(p => p.From <= command.To && command.From <= p.To)) return CommandResult.DividendPeriodOverlaps;
        modes.SettledPeriods.Add((command.From, command.To));

        var revenueFen = modes.RevenueByDayFen.Where(d => d.Key >= command.From && d.Key <= command.To).Sum(d => d.Value);
        var pool = new Money(revenueFen).Share(Config.DividendShare);
        // Platform revenue holds at least this: every period's R was added to it and nothing else draws on it, and periods
        // never overlap, so the dividends of all periods together are at most the revenue they came from.
        var top = Config.Levels.Count - 1;
        var holders = new List<int>();
        for (var member = 0; member < _members.Count; member++)
            if (modes.Level(member) == top) holders.Add(member);
        if (holders.Count == 0 || pool == Money.Zero) return CommandResult.Ok;

        var addedInPeriod = new Dictionary<int, long>();
        foreach (var ((member, day), fen) in modes.TeamSpendAddedFen)
            if (day >= command.From && day <= command.To && modes.Level(member) == top)
                addedInPeriod[member] = addedInPeriod.GetValueOrDefault(member) + fen;
        var weights = holders.Select(holder => addedInPeriod.GetValueOrDefault(holder)).ToArray();
        if (weights.Sum() == 0) Array.Fill(weights, 1);
        var totalWeight = weights.Sum();
        for (var i = 0; i < holders.Count; i++)
        {
            var dividend = new Money((long)((Int128)pool.Fen * weights[i] / totalWeight));
            if (Config.ShareholderDividend == ModeSettlement.Wallet) CreditMember(Account.PlatformRevenue, holders[i], dividend, TransferKind.PlatformShareholderDividend);
            else modes.AddOffline(holders[i], dividend.Fen);
            Outcome.Add(new ModeRewardEarned(holders[i], ModeReward.PlatformShareholderDividend, dividend, Config.ShareholderDividend, ModeRewardEarned.NoBuyer));
        }
        return CommandResult.Ok;
    }

    /// <summary>A member's level name ("" below the first), team spend and offline total; null without levels.</summary>
    private (string Level, Money TeamSpend, Money Offline)? ModesOf(int member) =>
        _modes is not { } modes ? null
        : (modes.Level(member) is var level && level == MemberModes.NoLevel ? "" : Config.Levels[level].Name,
            new Money(modes.TeamSpendFen(member)), new Money(modes.OfflineFen(member)));
}
