using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ValuePool.Simulation.Metrics;

/// <summary>
/// The summary as JSON (report's summary.json): money as decimal strings ("1234.56"), shares and per-yuan
/// figures with 6 decimals, so two runs compare as text and nothing depends on float formatting.
/// </summary>
public static class SummaryJson
{
    public static string Write(Summary summary)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("scenario", summary.Scenario);
            json.WriteNumber("seed", summary.Seed);
            json.WriteNumber("days", summary.Days);
            json.WriteNumber("orders", summary.Orders);
            json.WriteNumber("members", summary.Members);
            json.WriteString("consumed", summary.Consumed.ToString());
            json.WriteString("poolContributions", summary.PoolContributions.ToString());
            json.WriteString("subsidies", summary.Subsidies.ToString());
            json.WriteString("forcedExitPaid", summary.ForcedExitPaid.ToString());
            json.WriteString("salePaid", summary.SalePaid.ToString());
            json.WriteString("paidFromPool", summary.PaidFromPool.ToString());
            json.WriteString("poolLeft", summary.PoolLeft.ToString());
            json.WriteString("heldSaleValue", summary.HeldSaleValue.ToString());
            json.WriteString("circulatingPoints", summary.CirculatingPoints.ToString());
            json.WriteString("firstDayPrice", summary.FirstDayPrice.ToString());
            json.WriteString("finalPrice", summary.FinalPrice.ToString());
            json.WriteString("platformRevenue", summary.PlatformRevenue.ToString());
            json.WriteString("agentFees", summary.AgentFees.ToString());
            json.WriteString("rewardsPaid", summary.RewardsPaid.ToString());
            json.WriteString("rewardsToMembers", summary.RewardsToMembers.ToString());
            json.WriteString("storeSales", summary.StoreSales.ToString());
            json.WriteNumber("forcedExits", summary.ForcedExits);
            json.WriteString("exitedShare", Fraction(summary.ExitedShare));
            json.WriteString("neverExitedShare", Fraction(summary.NeverExitedShare));
            json.WriteString("earlySellerShare", Fraction(summary.EarlySellerShare));
            json.WriteNumber("exitWaitDaysMedian", summary.ExitWaitDaysMedian);
            json.WriteNumber("exitWaitDaysP90", summary.ExitWaitDaysP90);
            json.WriteString("returnedPerYuanP10", Fraction(summary.ReturnedPerYuanP10));
            json.WriteString("returnedPerYuanMedian", Fraction(summary.ReturnedPerYuanMedian));
            json.WriteString("returnedPerYuanP90", Fraction(summary.ReturnedPerYuanP90));
            json.WriteString("returnedPerYuanPooled", Fraction(summary.ReturnedPerYuanPooled));
            json.WriteString("brokeEvenShare", Fraction(summary.BrokeEvenShare));
            if (summary.Modes is { } modes) WriteModes(json, modes);
            json.WriteStartArray("cohorts");
            foreach (var cohort in summary.Cohorts)
            {
                json.WriteStartObject();
                json.WriteNumber("firstDay", cohort.FirstDay);
                json.WriteNumber("lastDay", cohort.LastDay);
                json.WriteNumber("members", cohort.Members);
                json.WriteString("spent", new Core.Amounts.Money(cohort.SpentFen).ToString());
                json.WriteString("returnedPerYuanP10", Fraction(cohort.ReturnedPerYuanP10));
                json.WriteString("returnedPerYuanMedian", Fraction(cohort.ReturnedPerYuanMedian));
                json.WriteString("returnedPerYuanP90", Fraction(cohort.ReturnedPerYuanP90));
                json.WriteString("returnedPerYuanPooled", Fraction(cohort.ReturnedPerYuanPooled));
                json.WriteString("exitedShare", Fraction(cohort.ExitedShare));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("audit");
            foreach (var finding in summary.Audit)
            {
                json.WriteStartObject();
                json.WriteString("severity", finding.Severity.ToString().ToLowerInvariant());
                json.WriteString("code", finding.Code);
                json.WriteString("message", finding.Message);
                json.WriteString("rule", finding.Rule);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Fraction(double value) => value.ToString("0.000000", CultureInfo.InvariantCulture);

    private static void WriteModes(Utf8JsonWriter json, ModeSummary modes)
    {
        json.WriteStartObject("modes");
        json.WriteString("total", modes.Total.ToString());
        json.WriteStartArray("totals");
        foreach (var total in modes.Totals)
        {
            json.WriteStartObject();
            json.WriteString("kind", total.Kind.ToString());
            json.WriteString("settlement", total.Settlement.ToString().ToLowerInvariant());
            json.WriteString("amount", total.Amount.ToString());
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("earners", modes.Earners);
        json.WriteString("topTenthShare", Fraction(modes.TopTenthShare));
        json.WriteString("toNonConsumers", modes.ToNonConsumers.ToString());
        json.WriteStartArray("byArrivalFifth");
        foreach (var fifth in modes.ByArrivalFifth) json.WriteStringValue(fifth.ToString());
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
