using ValuePool.Core.Amounts;
using ValuePool.Core.Engine;
using ValuePool.Core.Stores;

namespace ValuePool.Core.Settlements;

/// <summary>
/// Which settlements close with a day (MODEL.md §4–§5): every day the shopping-point expiry and each
/// store's shareholder dividends; on Sundays the weekly partner periods (Monday–Sunday); on a month's
/// last day the monthly ones, and, with the platform shareholders' dividend on (MODEL.md §3b), the month's dividend.
/// Pure: the day comes in, commands go out.
/// </summary>
public static class SettlementCalendar
{
    public static IEnumerable<Command> ClosingWith(DateOnly day, IEnumerable<StoreView> stores, bool platformDividendOn = false)
    {
        // Settlements of a day happen at the start of the next one, when the day's orders are all in.
        var at = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        yield return new ExpireShoppingPoints(day, at);
        foreach (var store in stores)
        {
            if (store.SharesTotal == Rate.One) yield return new SettleShareholders(store.Id, day, at);
            if (PartnerPeriodEndingOn(day, store.PartnerPeriod) is { } from) yield return new SettlePartners(store.Id, from, day, at);
        }
        if (platformDividendOn && PartnerPeriodEndingOn(day, PartnerPeriod.Monthly) is { } monthStart)
            yield return new SettlePlatformShareholders(monthStart, day, at);
    }

    /// <summary>The days closed after <paramref name="lastClosedDay"/> by <paramref name="now"/> (UTC): up to yesterday, oldest first.</summary>
    public static IEnumerable<DateOnly> DaysClosedAfter(DateOnly lastClosedDay, DateTimeOffset now)
    {
        var yesterday = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);
        for (var day = lastClosedDay.AddDays(1); day <= yesterday; day = day.AddDays(1)) yield return day;
    }

    /// <summary>The first day of the partner period that ends on <paramref name="day"/>, if one does.</summary>
    public static DateOnly? PartnerPeriodEndingOn(DateOnly day, PartnerPeriod period) => period switch
    {
        PartnerPeriod.Weekly when day.DayOfWeek == DayOfWeek.Sunday => day.AddDays(-6),
        PartnerPeriod.Monthly when day.AddDays(1).Day == 1 => new DateOnly(day.Year, day.Month, 1),
        _ => null,
    };
}
