using Dapper;
using ValuePool.Core.Engine;
using ValuePool.Server.Data;
using ValuePool.Storage.Journal;

namespace ValuePool.Server.Payments;

/// <summary>
/// The server's rows that go with a granted platform payment, written in its command's journal transaction. They follow from
/// the command alone, so a grant submitted while the payer waits and one submitted on the provider's later notification write the same.
/// </summary>
public static class PlatformGrantRows
{
    /// <summary>A bought region is the agent's row (its level and region are the primary key, so a region has one agent); others have none.</summary>
    public static AlongsideRows? Of(Command command) => command switch
    {
        AppointAgent appoint => (c, t) => c.Execute("INSERT INTO agent_region (member_id, level, region, bought_ms) VALUES (@member, @level, @region, @boughtMs) " +
            "ON CONFLICT (level, region) DO NOTHING",
            new { member = appoint.Member, level = appoint.Level.ToString(), region = appoint.Region.ToString(), boughtMs = UnixTime.Ms(appoint.At) }, t),
        _ => null,
    };
}
