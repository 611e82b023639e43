using System.Data.Common;
using Dapper;
using ValuePool.Core.Configuration;
using ValuePool.Server.Data;

namespace ValuePool.Server.Products;

/// <summary>
/// The rates of products that override the configuration's (table <c>product_rates</c>; rates in
/// millionths, referral levels as a comma list). Completing an order of such a product passes them to the engine.
/// </summary>
public sealed class ProductRateBook(ServerDatabase database)
{
    private sealed class Row
    {
        public string ProductId { get; init; } = "";
        public long CommissionPpm { get; init; }
        public long PoolPpm { get; init; }
        public long BudgetPpm { get; init; }
        public string? ReferralLevelsPpm { get; init; }
        public long? RecruiterPpm { get; init; }

        public OrderRates Rates => new(new(CommissionPpm), new(PoolPpm), new(BudgetPpm))
        {
            ReferralLevels = ReferralLevelsPpm?.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ppm => new Core.Amounts.Rate(long.Parse(ppm))).ToArray(),
            RecruiterReward = RecruiterPpm is { } recruiter ? new(recruiter) : null,
        };
    }

    private const string Columns = "product_id AS ProductId, commission_ppm AS CommissionPpm, pool_ppm AS PoolPpm, budget_ppm AS BudgetPpm, "
        + "referral_levels_ppm AS ReferralLevelsPpm, recruiter_ppm AS RecruiterPpm";

    /// <summary>Writes a product's rates inside the caller's transaction (the product's own insert).</summary>
    public static void Save(DbConnection connection, DbTransaction transaction, string productId, OrderRates rates) =>
        connection.Execute("""
            INSERT INTO product_rates (product_id, commission_ppm, pool_ppm, budget_ppm, referral_levels_ppm, recruiter_ppm)
            VALUES (@productId, @commission, @pool, @budget, @levels, @recruiter)
            """,
            new
            {
                productId, commission = rates.Commission.PartsPerMillion, pool = rates.PoolContribution.PartsPerMillion,
                budget = rates.DistributionBudget.PartsPerMillion,
                levels = rates.ReferralLevels is null ? null : string.Join(',', rates.ReferralLevels.Select(level => level.PartsPerMillion)),
                recruiter = rates.RecruiterReward?.PartsPerMillion,
            }, transaction);

    public async Task<OrderRates?> FindAsync(string productId) =>
        (await database.QuerySingleAsync<Row>($"SELECT {Columns} FROM product_rates WHERE product_id = @productId", new { productId }))?.Rates;

    /// <summary>Every product's own rates, for the compliance audit.</summary>
    public async Task<IReadOnlyList<(string ProductId, OrderRates Rates)>> AllAsync() =>
        (await database.QueryAsync<Row>($"SELECT {Columns} FROM product_rates ORDER BY product_id")).Select(row => (row.ProductId, row.Rates)).ToList();
}
