namespace ValuePool.Core.Engine;

/// <summary>Which optional distribution mode (MODEL.md §3b) a <see cref="ModeRewardEarned"/> comes from.</summary>
public enum ModeReward : byte
{
    /// <summary>Multi-level differential (多级别级差).</summary>
    Differential = 1,
    /// <summary>Peer reward (平级奖).</summary>
    Peer = 2,
    /// <summary>Platform shareholders' weighted dividend (股东加权分红).</summary>
    PlatformShareholderDividend = 3,
}
