namespace ValuePool.Storage.Sql;

/// <summary>
/// The schema, as numbered steps applied in order and recorded in <c>schema_version</c>. A step is
/// never edited once released: a change is a new step. <c>{int}</c> and <c>{blob}</c> stand for
/// the back end's 64-bit integer and byte-string types, and <c>{clustered}</c> for what stores a table in its primary
/// key's order (SQLite's <c>WITHOUT ROWID</c>; PostgreSQL has no such option), so both back ends share one schema.
/// </summary>
public static class SchemaMigrations
{
    public static readonly IReadOnlyList<string> Steps =
    [
        """
        CREATE TABLE journal (
            seq {int} PRIMARY KEY,
            idem_key TEXT NOT NULL,
            command {blob} NOT NULL,
            result {int} NOT NULL,
            tx_digest {blob} NOT NULL,
            prev_hash {blob} NOT NULL,
            hash {blob} NOT NULL);
        CREATE TABLE snapshot (
            seq {int} PRIMARY KEY,
            journal_hash {blob} NOT NULL,
            state {blob} NOT NULL,
            sha256 {blob} NOT NULL);
        CREATE TABLE member_balance (
            member_id TEXT PRIMARY KEY,
            cash_fen {int} NOT NULL,
            points_units {int} NOT NULL);
        CREATE TABLE member_history (
            member_id TEXT NOT NULL,
            seq {int} NOT NULL,
            cash_fen {int} NOT NULL,
            points_units {int} NOT NULL,
            PRIMARY KEY (member_id, seq));
        CREATE TABLE store_revenue_day (
            store_id TEXT NOT NULL,
            day TEXT NOT NULL,
            revenue_fen {int} NOT NULL,
            net_fen {int} NOT NULL,
            orders {int} NOT NULL,
            PRIMARY KEY (store_id, day));
        CREATE TABLE price_history (
            unix_minute {int} PRIMARY KEY,
            seq {int} NOT NULL,
            pool_fen {int} NOT NULL,
            points_units {int} NOT NULL,
            price TEXT NOT NULL);
        CREATE TABLE projection_checkpoint (
            id {int} PRIMARY KEY,
            seq {int} NOT NULL);
        INSERT INTO projection_checkpoint (id, seq) VALUES (1, 0);
        """,
        // The per-member projections stored in their key's order: a row written costs one b-tree insert, not a rowid
        // table's and its key index's (two dirty pages per member and flush instead of one).
        """
        CREATE TABLE member_balance_2 (
            member_id TEXT PRIMARY KEY,
            cash_fen {int} NOT NULL,
            points_units {int} NOT NULL){clustered};
        INSERT INTO member_balance_2 SELECT member_id, cash_fen, points_units FROM member_balance;
        DROP TABLE member_balance;
        ALTER TABLE member_balance_2 RENAME TO member_balance;
        CREATE TABLE member_history_2 (
            member_id TEXT NOT NULL,
            seq {int} NOT NULL,
            cash_fen {int} NOT NULL,
            points_units {int} NOT NULL,
            PRIMARY KEY (member_id, seq)){clustered};
        INSERT INTO member_history_2 SELECT member_id, seq, cash_fen, points_units FROM member_history;
        DROP TABLE member_history;
        ALTER TABLE member_history_2 RENAME TO member_history;
        """,
        // Who sequences the journal (PostgreSQL, several nodes): the leader's epoch, raised by each new leader, and the
        // address it takes writes on. Every write of a leader checks the epoch in its own transaction (fencing).
        """
        CREATE TABLE sequencer_leader (
            id {int} PRIMARY KEY,
            epoch {int} NOT NULL,
            address TEXT NOT NULL);
        INSERT INTO sequencer_leader (id, epoch, address) VALUES (1, 0, '');
        """,
        // The leader's secret for its peers (new with each epoch): a follower forwarding a write sends it with the client's
        // address, and the leader believes that address only beside it, so its limits per client count the real client.
        """
        ALTER TABLE sequencer_leader ADD COLUMN peer_token TEXT NOT NULL DEFAULT '';
        """,
    ];
}
