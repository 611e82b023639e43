using Npgsql;

namespace ValuePool.Storage.Postgres;

/// <summary>
/// The right to sequence a PostgreSQL journal: a session-level advisory lock held on a connection of its own, and the
/// epoch this node raised in <c>sequencer_leader</c> when it took the lock, with the address it takes writes on.
/// PostgreSQL releases the lock when the session ends (the process died, its connection was cut), so another node can
/// take it; the epoch then fences whatever the old leader still tries to write (<see cref="PostgresJournalStore.Fence"/>).
/// Each epoch has a random <see cref="PeerToken"/>, readable only through the database: the nodes' proof to the leader that a
/// forwarded request comes from one of them.
/// </summary>
public sealed class LeaderLease : IDisposable
{
    /// <summary>Per schema, so several platforms may share one database; not the key <see cref="PostgresJournalStore.LockSchemaSql"/> takes.</summary>
    private const string LockKeySql = "hashtext(current_schema() || ':sequencer')";

    private readonly NpgsqlConnection _connection;

    private LeaderLease(NpgsqlConnection connection, long epoch, string peerToken)
    {
        _connection = connection;
        Epoch = epoch;
        PeerToken = peerToken;
    }

    public long Epoch { get; }

    public string PeerToken { get; }

    /// <summary>
    /// Takes the lock if no session holds it, then raises the epoch and records <paramref name="advertisedAddress"/>; null when
    /// another node leads. The epoch's update waits for any write of the previous leader still in flight (each holds the
    /// row share-locked), so every entry it committed is in the journal before this node reads it.
    /// </summary>
    public static LeaderLease? TryTake(string connectionString, string advertisedAddress)
    {
        // Not pooled: disposing the lease must end the session, which is what releases the lock.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "valuepool-leader" }.ToString());
        try
        {
            connection.Open();
            using (var take = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LockKeySql})", connection))
            {
                if (!(bool)take.ExecuteScalar()!) { connection.Dispose(); return null; }
            }
            var peerToken = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            using var raise = new NpgsqlCommand(
                "UPDATE sequencer_leader SET epoch = epoch + 1, address = @address, peer_token = @peerToken WHERE id = 1 RETURNING epoch", connection);
            raise.Parameters.AddWithValue("address", advertisedAddress);
            raise.Parameters.AddWithValue("peerToken", peerToken);
            return new LeaderLease(connection, (long)raise.ExecuteScalar()!, peerToken);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Whether the lock is still this node's: its session answers and the epoch is still its own. False once the connection
    /// is cut (PostgreSQL has released the lock) or another node raised the epoch.
    /// </summary>
    public bool IsHeld()
    {
        try
        {
            using var check = new NpgsqlCommand("SELECT epoch FROM sequencer_leader WHERE id = 1", _connection) { CommandTimeout = 5 };
            return (long)check.ExecuteScalar()! == Epoch;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The current leader's epoch, advertised address and peer token (empty: none has led yet).</summary>
    public static (long Epoch, string Address, string PeerToken) Current(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var read = new NpgsqlCommand("SELECT epoch, address, peer_token FROM sequencer_leader WHERE id = 1", connection);
        using var reader = read.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1), reader.GetString(2)) : (0, "", "");
    }

    /// <summary>Ends the session, which releases the lock.</summary>
    public void Dispose() => _connection.Dispose();
}
