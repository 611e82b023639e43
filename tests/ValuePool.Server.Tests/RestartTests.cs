using Microsoft.Data.Sqlite;

namespace ValuePool.Server.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task WhatWasWrittenWithTheProjections_IsWrittenAtTheNextStart_IfTheProcessDiedBeforeThem()
    {
        var directory = Directory.CreateTempSubdirectory("valuepool-restart-");
        var db = Path.Combine(directory.FullName, "valuepool.db");
        await using (var platform = new Platform(new() { ["ValuePool:Db"] = db }))
        {
            await (await platform.AdminAsync()).PostAsync("/api/admin/webhooks", new { url = "http://integrations.test/hook", secret = "0123456789abcdef" });
            var (_, storeId, code) = await platform.OpenStoreAsync();
            var newcomer = await platform.RegisterAsync(referralCode: code);
            await newcomer.BuyAsync(storeId, "1000.00");
            await newcomer.PostAsync($"/api/stores/{storeId}/pay", new { amount = "10.00" });
        }
        var written = Counts(db);
        Assert.True(written is { Rewards: > 0, RewardWebhooks: > 0, MemberOrders: 2, History: > 0 }, written.ToString());

        // A process that died before its last generation of projections: none of those rows, the checkpoint at 0.
        Execute(db, "DELETE FROM member_balance; DELETE FROM member_history; DELETE FROM store_revenue_day; DELETE FROM price_history; " +
                    "DELETE FROM reward_credit; DELETE FROM webhook_delivery WHERE kind = 'reward.credited'; DELETE FROM member_order; " +
                    "UPDATE projection_checkpoint SET seq = 0");
        await using (var restarted = new Platform(new() { ["ValuePool:Db"] = db }))
            await restarted.AdminAsync();

        Assert.Equal(written, Counts(db));
        SqliteConnection.ClearAllPools();
        directory.Delete(recursive: true);
    }

    private sealed record RowCounts(long Rewards, long RewardWebhooks, long MemberOrders, long History, long Checkpoint, long Head);

    private static RowCounts Counts(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        long Scalar(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar());
        }
        return new RowCounts(Scalar("SELECT COUNT(*) FROM reward_credit"), Scalar("SELECT COUNT(*) FROM webhook_delivery WHERE kind = 'reward.credited'"),
            Scalar("SELECT COUNT(*) FROM member_order"),
            Scalar("SELECT COUNT(*) FROM member_history"), Scalar("SELECT seq FROM projection_checkpoint"), Scalar("SELECT MAX(seq) FROM journal"));
    }

    private static void Execute(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
