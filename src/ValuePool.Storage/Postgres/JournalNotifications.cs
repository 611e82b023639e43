using System.Globalization;
using Npgsql;

namespace ValuePool.Storage.Postgres;

/// <summary>
/// Listens on <see cref="PostgresJournalStore.JournalChannel"/> and hands each committed batch's last sequence to
/// <paramref name="arrived"/> (on a pool thread). A lost connection is opened again; a follower also polls, so a
/// notification missed meanwhile only delays it.
/// </summary>
public sealed class JournalNotifications : IAsyncDisposable
{
    private static readonly TimeSpan ReconnectAfter = TimeSpan.FromSeconds(1);

    private readonly string _connectionString;
    private readonly Action<long> _arrived;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _listening;

    public JournalNotifications(string connectionString, Action<long> arrived)
    {
        _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "valuepool-follower" }.ToString();
        _arrived = arrived;
        _listening = Task.Run(ListenAsync);
    }

    private async Task ListenAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_connectionString);
                await connection.OpenAsync(_stopping.Token);
                connection.Notification += (_, e) =>
                {
                    if (long.TryParse(e.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var last)) _arrived(last);
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresJournalStore.JournalChannel}", connection))
                    await listen.ExecuteNonQueryAsync(_stopping.Token);
                while (true) await connection.WaitAsync(_stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested) { return; }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.IO.IOException)
            {
                try { await Task.Delay(ReconnectAfter, _stopping.Token); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _listening;
        _stopping.Dispose();
    }
}
