using System.Data.Common;

namespace ValuePool.Server.Data;

/// <summary>
/// Statements for rows written alongside journal entries (<see cref="ValuePool.Storage.Journal.AlongsideRows"/>):
/// each is prepared once on the sequencer's connection and then only re-bound, since the sequencer writes such rows
/// for every in-store order and preparing them again each time cost more than the rest of its append (measured).
/// Used only on the sequencer's thread, which owns that connection, so it needs no lock.
/// </summary>
public sealed class AlongsideStatements
{
    private readonly Dictionary<string, DbCommand> _bySql = new(StringComparer.Ordinal);
    private DbConnection? _connection;

    /// <summary>Runs <paramref name="sql"/> with its named parameters set to <paramref name="values"/> (null as SQL NULL).</summary>
    public int Execute(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object? Value)[] values)
    {
        if (!ReferenceEquals(connection, _connection)) Forget(connection);
        if (!_bySql.TryGetValue(sql, out var command)) _bySql[sql] = command = Create(connection, sql, values);
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i].Value ?? DBNull.Value;
        return command.ExecuteNonQuery();
    }

    /// <summary>A new sequencer (a restart in the same process) has a new connection: the old statements are useless.</summary>
    private void Forget(DbConnection connection)
    {
        foreach (var command in _bySql.Values) command.Dispose();
        _bySql.Clear();
        _connection = connection;
    }

    private static DbCommand Create(DbConnection connection, string sql, (string Name, object? Value)[] values)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, _) in values)
        {
            var parameter = command.CreateParameter();
            // The prefix spares Microsoft.Data.Sqlite a failed look-up of the bare name on every execution; Npgsql strips it.
            parameter.ParameterName = "@" + name;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
