namespace ValuePool.Core.Configuration;

/// <summary>How a member's referrer (上级) is chosen when several share links reach them.</summary>
public enum BindingPolicy
{
    /// <summary>The first referrer is kept forever (MODEL.md §3 default).</summary>
    FirstWins,
    /// <summary>The first referrer is kept for <see cref="EngineConfig.BindingLapseDays"/> days; after that the
    /// binding pays nothing and a new link may bind the member again.</summary>
    Lapsing,
    /// <summary>The most recent link wins (common in malls that credit the last promoter).</summary>
    LatestWins,
}
