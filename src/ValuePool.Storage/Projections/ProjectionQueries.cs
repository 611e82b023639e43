using System.Data.Common;
using System.Globalization;
using ValuePool.Core.Amounts;

namespace ValuePool.Storage.Projections;

/// <summary>The read side: member balances and histories, store revenue per day, price history. Plain SQL both back ends accept.</summary>
public sealed class ProjectionQueries(DbConnection connection)
{
    public IReadOnlyList<MemberBalanceRow> AllBalances() =>
        Rows("SELECT member_id, cash_fen, points_units FROM member_balance ORDER BY member_id", r => new MemberBalanceRow(r.GetString(0), r.GetInt64(1), r.GetInt64(2)));

    public IReadOnlyList<MemberHistoryRow> MemberHistory(string member) =>
        Rows("SELECT seq, member_id, cash_fen, points_units FROM member_history WHERE member_id = @m ORDER BY seq",
            r => new MemberHistoryRow(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3)), ("m", member));

    public IReadOnlyList<StoreRevenueRow> StoreRevenue(string store) =>
        Rows("SELECT store_id, day, revenue_fen, net_fen, orders FROM store_revenue_day WHERE store_id = @s ORDER BY day",
            r => new StoreRevenueRow(r.GetString(0), DateOnly.ParseExact(r.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4)), ("s", store));

    public IReadOnlyList<PriceRow> PriceHistory() =>
        Rows("SELECT unix_minute, seq, pool_fen, points_units, price FROM price_history ORDER BY unix_minute",
            r => new PriceRow(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), PointPrice.ParseFraction(r.GetString(4))));

    private List<T> Rows<T>(string sql, Func<DbDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }
}
