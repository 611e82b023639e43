using ValuePool.Server.Orders;

namespace ValuePool.Server.Data;

/// <summary>
/// The server's tables, in SQL that SQLite and PostgreSQL both accept. Times are Unix milliseconds,
/// money is fen (BIGINT): no floating point anywhere. Every statement is idempotent; a change that cannot be written
/// idempotently in both dialects (SQLite has no <c>ADD COLUMN IF NOT EXISTS</c>) is one of the numbered <see cref="Steps"/>.
/// </summary>
public static class ServerSchema
{
    /// <summary>Stands for what stores a table in its primary key's order: SQLite's <c>WITHOUT ROWID</c>; nothing on PostgreSQL.</summary>
    public const string Clustered = "{clustered}";

    public static readonly string[] Statements =
    [
        "CREATE TABLE IF NOT EXISTS server_setting (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """
        CREATE TABLE IF NOT EXISTS app_user (id TEXT PRIMARY KEY, phone TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL,
            roles TEXT NOT NULL, created_ms BIGINT NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS store (id TEXT PRIMARY KEY, owner_id TEXT NOT NULL, name TEXT NOT NULL, province TEXT NOT NULL,
            city TEXT NOT NULL, district TEXT NOT NULL, recruiter_id TEXT, status TEXT NOT NULL, share_code TEXT NOT NULL UNIQUE,
            created_ms BIGINT NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS store_terms (store_id TEXT PRIMARY KEY, shopping_points_rate_ppm BIGINT NOT NULL, partner_spend_fen BIGINT,
            partner_split TEXT NOT NULL, partner_period TEXT NOT NULL, partner_referral_reward_fen BIGINT NOT NULL)
        """,
        "CREATE TABLE IF NOT EXISTS membership_card (id TEXT PRIMARY KEY, store_id TEXT NOT NULL, name TEXT NOT NULL, created_ms BIGINT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS membership_card_store ON membership_card (store_id, created_ms)",
        """
        CREATE TABLE IF NOT EXISTS store_checkout (idempotency_key TEXT PRIMARY KEY, store_id TEXT NOT NULL, member_id TEXT NOT NULL,
            amount_fen BIGINT NOT NULL, benefit TEXT NOT NULL, charged_fen BIGINT NOT NULL, created_ms BIGINT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS store_checkout_member ON store_checkout (member_id, created_ms)",
        """
        CREATE TABLE IF NOT EXISTS product (id TEXT PRIMARY KEY, store_id TEXT, name TEXT NOT NULL, price_fen BIGINT NOT NULL,
            shipped BIGINT NOT NULL, created_ms BIGINT NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS customer_order (id TEXT PRIMARY KEY, member_id TEXT NOT NULL, store_id TEXT, product_id TEXT,
            amount_fen BIGINT NOT NULL, shipped BIGINT NOT NULL, status TEXT NOT NULL, payment_id TEXT NOT NULL UNIQUE,
            created_ms BIGINT NOT NULL, paid_ms BIGINT, complete_due_ms BIGINT, completed_ms BIGINT, refunded_ms BIGINT)
        """,
        // Only the orders the completion job still has to move: completed orders (every in-store payment) stay out of
        // it, so writing one costs no insert into this index. Its queries name the statuses as literals, since neither
        // SQLite nor PostgreSQL can match a partial index against a parameter. It replaces an index on all orders.
        "DROP INDEX IF EXISTS customer_order_due",
        $"CREATE INDEX IF NOT EXISTS customer_order_open ON customer_order (status, complete_due_ms) WHERE status = '{OrderStatus.Paid}' OR status = '{OrderStatus.Completing}'",
        // A member's orders, indexed apart from customer_order and off the group commit (MemberOrderIndex); it replaces an
        // index on customer_order (member_id, created_ms), whose rows the old databases' orders are copied from once.
        $"CREATE TABLE IF NOT EXISTS member_order (member_id TEXT NOT NULL, order_id TEXT NOT NULL, PRIMARY KEY (member_id, order_id)){Clustered}",
        "INSERT INTO member_order (member_id, order_id) SELECT member_id, id FROM customer_order WHERE NOT EXISTS (SELECT 1 FROM member_order)",
        "DROP INDEX IF EXISTS customer_order_member",
        "CREATE TABLE IF NOT EXISTS partner_product (product_id TEXT PRIMARY KEY)",
        """
        CREATE TABLE IF NOT EXISTS product_rates (product_id TEXT PRIMARY KEY, commission_ppm BIGINT NOT NULL, pool_ppm BIGINT NOT NULL,
            budget_ppm BIGINT NOT NULL, referral_levels_ppm TEXT, recruiter_ppm BIGINT)
        """,
        // One payment intent per order (PaymentIntent): the primary key is what lets only one request ask the provider to charge.
        """
        CREATE TABLE IF NOT EXISTS payment_intent (order_id TEXT PRIMARY KEY, payment_id TEXT NOT NULL UNIQUE, provider TEXT NOT NULL,
            amount_fen BIGINT NOT NULL, created_ms BIGINT NOT NULL, callback_body TEXT, callback_signature TEXT)
        """,
        // Money collected for a command rather than an order (PlatformPayments): agent fees, share investments, deposit top-ups.
        """
        CREATE TABLE IF NOT EXISTS platform_payment (id TEXT PRIMARY KEY, payer_id TEXT NOT NULL, purpose TEXT NOT NULL, subject TEXT NOT NULL,
            amount_fen BIGINT NOT NULL, payment_id TEXT NOT NULL UNIQUE, status TEXT NOT NULL, refusal TEXT, created_ms BIGINT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS platform_payment_payer ON platform_payment (payer_id, created_ms)",
        "CREATE INDEX IF NOT EXISTS platform_payment_status ON platform_payment (status, created_ms)",
        "CREATE TABLE IF NOT EXISTS payment_event (event_id TEXT PRIMARY KEY, order_id TEXT NOT NULL, received_ms BIGINT NOT NULL)",
        """
        CREATE TABLE IF NOT EXISTS payment_callback_log (id TEXT PRIMARY KEY, event_id TEXT, order_id TEXT, outcome TEXT NOT NULL,
            received_ms BIGINT NOT NULL)
        """,
        "CREATE TABLE IF NOT EXISTS share_link (code TEXT PRIMARY KEY, owner_id TEXT NOT NULL, store_id TEXT)",
        "CREATE INDEX IF NOT EXISTS share_link_owner ON share_link (owner_id)",
        """
        CREATE TABLE IF NOT EXISTS agent_region (member_id TEXT NOT NULL, level TEXT NOT NULL, region TEXT NOT NULL,
            bought_ms BIGINT NOT NULL, PRIMARY KEY (level, region))
        """,
        """
        CREATE TABLE IF NOT EXISTS reward_credit (seq BIGINT NOT NULL, line BIGINT NOT NULL, member_id TEXT NOT NULL, kind TEXT NOT NULL,
            amount_fen BIGINT NOT NULL, source_key TEXT NOT NULL, PRIMARY KEY (seq, line))
        """,
        "CREATE INDEX IF NOT EXISTS reward_credit_member ON reward_credit (member_id, seq)",
        """
        CREATE TABLE IF NOT EXISTS deposit_movement (seq BIGINT NOT NULL, store_id TEXT NOT NULL, amount_fen BIGINT NOT NULL, source_key TEXT NOT NULL,
            PRIMARY KEY (seq, store_id))
        """,
        "CREATE INDEX IF NOT EXISTS deposit_movement_store ON deposit_movement (store_id, seq)",
        // The offline-settled distribution modes' amounts (OfflineStatementFeed) and the statements finance marked paid.
        """
        CREATE TABLE IF NOT EXISTS offline_item (seq BIGINT NOT NULL, line BIGINT NOT NULL, period TEXT NOT NULL, day TEXT NOT NULL,
            payee_id TEXT NOT NULL, kind TEXT NOT NULL, amount_fen BIGINT NOT NULL, buyer_id TEXT, order_amount_fen BIGINT NOT NULL,
            source_key TEXT NOT NULL, PRIMARY KEY (seq, line))
        """,
        "CREATE INDEX IF NOT EXISTS offline_item_statement ON offline_item (period, payee_id, seq)",
        """
        CREATE TABLE IF NOT EXISTS offline_statement_payment (period TEXT NOT NULL, payee_id TEXT NOT NULL, paid_by TEXT NOT NULL,
            paid_at_ms BIGINT NOT NULL, amount_fen BIGINT NOT NULL, PRIMARY KEY (period, payee_id))
        """,
        "CREATE TABLE IF NOT EXISTS webhook_subscription (id TEXT PRIMARY KEY, url TEXT NOT NULL, secret TEXT NOT NULL, created_ms BIGINT NOT NULL)",
        """
        CREATE TABLE IF NOT EXISTS webhook_delivery (event_id TEXT NOT NULL, subscription_id TEXT NOT NULL, kind TEXT NOT NULL,
            payload TEXT NOT NULL, attempts BIGINT NOT NULL, next_attempt_ms BIGINT NOT NULL, delivered_ms BIGINT, last_error TEXT,
            PRIMARY KEY (event_id, subscription_id))
        """,
        "CREATE INDEX IF NOT EXISTS webhook_delivery_due ON webhook_delivery (delivered_ms, next_attempt_ms)",
        // What operators did (OperatorLog): who, when, what, the request and the state before and after, as JSON.
        """
        CREATE TABLE IF NOT EXISTS operator_log (id TEXT PRIMARY KEY, at_ms BIGINT NOT NULL, actor_id TEXT NOT NULL, actor_roles TEXT NOT NULL,
            action TEXT NOT NULL, target TEXT, status BIGINT NOT NULL, request TEXT, before_state TEXT, after_state TEXT)
        """,
        "CREATE INDEX IF NOT EXISTS operator_log_at ON operator_log (at_ms)",
        // Refunds of orders through the provider (OrderRefunds): requested until the provider says it succeeded or failed.
        """
        CREATE TABLE IF NOT EXISTS order_refund (id TEXT PRIMARY KEY, order_id TEXT NOT NULL, payment_id TEXT NOT NULL, provider TEXT NOT NULL,
            amount_fen BIGINT NOT NULL, reason TEXT NOT NULL, status TEXT NOT NULL, failure TEXT, created_ms BIGINT NOT NULL, finished_ms BIGINT)
        """,
        "CREATE INDEX IF NOT EXISTS order_refund_order ON order_refund (order_id, created_ms)",
        // How an approved withdrawal or store payout reaches its payee (Payouts): a provider transfer, or by hand with a bank reference.
        """
        CREATE TABLE IF NOT EXISTS payout (withdrawal_id TEXT PRIMARY KEY, payee_account TEXT, payee_name TEXT, provider TEXT, transfer_id TEXT,
            status TEXT NOT NULL, failure TEXT, bank_reference TEXT, paid_by TEXT, created_ms BIGINT NOT NULL, finished_ms BIGINT)
        """,
        "CREATE INDEX IF NOT EXISTS payout_status ON payout (status)",
        // Daily reconciliation with the provider's bill (DailyReconciliation): a day's result and every difference, for finance.
        """
        CREATE TABLE IF NOT EXISTS reconciliation_run (day TEXT NOT NULL, provider TEXT NOT NULL, status TEXT NOT NULL, bill_lines BIGINT NOT NULL,
            matched BIGINT NOT NULL, failure TEXT, run_ms BIGINT NOT NULL, PRIMARY KEY (day, provider))
        """,
        """
        CREATE TABLE IF NOT EXISTS reconciliation_difference (day TEXT NOT NULL, provider TEXT NOT NULL, subject TEXT NOT NULL, reference TEXT NOT NULL,
            kind TEXT NOT NULL, ours_fen BIGINT, theirs_fen BIGINT, PRIMARY KEY (day, provider, subject, reference))
        """,
    ];

    /// <summary>
    /// Changes to the tables above, as numbered steps applied once each, in order, after <see cref="Statements"/> and
    /// recorded in <c>server_schema_version</c> (the journal's pattern, <c>SchemaMigrations</c>). A step is never edited once
    /// released: a change is a new step.
    /// </summary>
    public static readonly string[] Steps =
    [
        // Changed whenever the user's tokens must stop working (SecurityStamps); '' for the accounts made before it, whose
        // tokens carry no stamp and stay valid until the first change.
        "ALTER TABLE app_user ADD COLUMN security_stamp TEXT NOT NULL DEFAULT ''",
        // Why an admin rejected a store (StoreDirectory.RejectAsync), shown to its owner.
        "ALTER TABLE store ADD COLUMN rejection_reason TEXT",
        // Set by an approval before it registers the store in the engine, so a rejection racing it is refused rather than undone.
        "ALTER TABLE store ADD COLUMN approve_claimed_ms BIGINT",
        // A real provider's answer to a charge (what the payer does next: a QR code, a page), shown again on every pay (OrderPayment).
        "ALTER TABLE payment_intent ADD COLUMN payer_action TEXT",
        // What was refunded of a paid order before it completed (OrderRefunds); completion moves only what is left.
        "ALTER TABLE customer_order ADD COLUMN refunded_fen BIGINT NOT NULL DEFAULT 0",
        // A platform payment started with a real provider keeps the command it buys until the provider vouches for the payment.
        "ALTER TABLE platform_payment ADD COLUMN grant_command TEXT",
        // An operator-log entry is written with its action's change and answered after (OperatorLogging): 0 until the answer is recorded.
        "ALTER TABLE operator_log ADD COLUMN answered BIGINT NOT NULL DEFAULT 1",
    ];
}
