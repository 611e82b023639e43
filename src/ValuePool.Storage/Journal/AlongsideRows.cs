using System.Data.Common;

namespace ValuePool.Storage.Journal;

/// <summary>
/// Rows of the application's own tables (in the journal's database) that must be durable exactly when a
/// command's entry is: the sequencer runs this inside the transaction that appends the entry, on its thread,
/// only if the command was applied now and accepted. A duplicate or refused command runs nothing. It may not
/// fail except when the database does: an exception stops the sequencer like a failed append.
/// </summary>
public delegate void AlongsideRows(DbConnection connection, DbTransaction transaction);
