using ValuePool.Core.Configuration;
using ValuePool.Core.Ledger;
using ValuePool.Core.Stores;

namespace ValuePool.Core.Engine;

/// <summary>Stores, agents and referral bindings: who is paid for an order.</summary>
public sealed partial class ValuePoolEngine
{
    private CommandResult Apply(RegisterStore command)
    {
        if (!IsValidId(command.Id) || !IsValidId(command.Owner) || command.Recruiter is { Length: 0 or > IdLengthMax }) return CommandResult.InvalidId;
        if (_stores.TryFind(command.Id, out _)) return CommandResult.DuplicateStore;
        if (command.Region is null || command.Region.Parts.Count != 3) return CommandResult.StoreRegionIncomplete;
        if (!IsValidRegion(command.Region)) return CommandResult.InvalidId;
        if (command.Terms is null || TermProblems.Of(command.Terms, Config).Count > 0) return CommandResult.InvalidTerms;
        var owner = _members.GetOrAdd(command.Owner);
        var recruiter = command.Recruiter is null ? Store.NoRecruiter : _members.GetOrAdd(command.Recruiter);
        _stores.Add(new Store(command.Id, owner, recruiter,
            _regions.Intern(command.Region.Path(1)), _regions.Intern(command.Region.Path(2)), _regions.Intern(command.Region.Path(3)),
            command.Terms));
        return CommandResult.Ok;
    }

    /// <summary>Region names are ids too: short, so that no input can bloat the region book.</summary>
    private static bool IsValidRegion(Region region) => region.Parts.All(IsValidId);

    private CommandResult Apply(AppointAgent command)
    {
        if (!IsValidId(command.Member) || command.Region is null || !IsValidRegion(command.Region)) return CommandResult.InvalidId;
        if (!Enum.IsDefined(command.Level) || command.Region.Parts.Count != (int)command.Level) return CommandResult.RegionLevelMismatch;
        var path = command.Region.ToString();
        if (_regions.HasAgent(path)) return CommandResult.RegionTaken;
        var agent = _members.GetOrAdd(command.Member);
        _regions.SetAgent(path, agent);
        Ledger.Post(new Account(AccountKind.AgentFees), Account.PlatformRevenue, Config.AgentFee(command.Level).Fen, TransferKind.AgentFee);
        return CommandResult.Ok;
    }

    /// <summary>Binds a member to the referrer whose link brought them, as the binding policy says.</summary>
    private CommandResult Apply(Bind command)
    {
        if (!IsValidId(command.Member) || !IsValidId(command.Referrer)) return CommandResult.InvalidId;
        var member = _members.GetOrAdd(command.Member);
        var referrer = _members.GetOrAdd(command.Referrer);
        ref var state = ref _members[member];
        if (member == referrer || referrer == state.Referrer || WouldCloseCycle(member, referrer)) return CommandResult.BindingIgnored;
        var keepsExisting = state.Referrer != Member.NoReferrer && Config.Binding switch
        {
            BindingPolicy.FirstWins => true,
            BindingPolicy.Lapsing => !HasLapsed(state, command.At),
            _ => false,
        };
        if (keepsExisting) return CommandResult.BindingIgnored;
        var firstBinding = state.Referrer == Member.NoReferrer && !state.EverBound;
        state.Referrer = referrer;
        state.BoundAtTicks = command.At.UtcTicks;
        state.EverBound = true;
        if (firstBinding) PayPartnerReferralRewards(referrer);
        return CommandResult.Ok;
    }

    private bool WouldCloseCycle(int member, int referrer)
    {
        for (var ancestor = referrer; ancestor != Member.NoReferrer; ancestor = _members[ancestor].Referrer)
            if (ancestor == member) return true;
        return false;
    }

    /// <summary>The referrer who earns from the member's orders at <paramref name="at"/>, or none.</summary>
    private int ActiveReferrer(int member, DateTimeOffset at)
    {
        ref var state = ref _members[member];
        return Config.Binding == BindingPolicy.Lapsing && HasLapsed(state, at) ? Member.NoReferrer : state.Referrer;
    }

    private bool HasLapsed(in Member state, DateTimeOffset at) =>
        at.UtcTicks >= state.BoundAtTicks + TimeSpan.FromDays(Config.BindingLapseDays).Ticks;
}
