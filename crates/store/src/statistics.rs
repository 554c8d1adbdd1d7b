//! Planner statistics kept in step with the sync's writes.
//!
//! The first sync of a large estate fills empty tables in seconds. PostgreSQL plans the pages'
//! queries from statistics that still say "empty" until autovacuum analyses the tables, which
//! it checks only once a minute (`autovacuum_naptime`). Measured on 10,000 connections: for
//! that minute the connections page's query took 530–830 ms instead of ~1 ms (nested loops
//! over rows the planner believed absent), and a page under 32 clients had a 1 s p99. So the
//! sync engine asks here, every few seconds, for the tables that grew far past what their
//! statistics say (or were never analysed), and analyses them at once.

use sqlx::PgPool;

/// The tables a sync writes in bulk and the pages read with joins (the two small ones matter
/// too: never analysed, `cloud_account`'s 20 rows were planned as 270, and the total of the
/// connections page went through them once per connection).
const TABLES: [&str; 6] = [
    "resource",
    "state_transition",
    "config_change",
    "sync_freshness",
    "sync_generation",
    "cloud_account",
];

/// A table is analysed when it holds rows and was never analysed, or when it holds this many
/// rows more than its statistics say...
const MIN_GROWTH: f64 = 500.0;
/// ...and more than this multiple of them. Growth, not churn: a hot sync rewrites many rows
/// of `resource` every 30 s without changing how many there are, and analysing it on churn
/// (700 ms of CPU each time on 60,000 rows) slowed the very pages it was meant to help.
/// Churn is autovacuum's business.
const GROWTH_FACTOR: f64 = 2.0;

/// The advisory lock that makes one process at a time the analyser (an arbitrary constant
/// shared by every gatewatch process; no other advisory lock is used).
const ANALYZER_LOCK: i64 = 7_166_501_200_001;

/// Analyses those of [`TABLES`] that hold rows and were never analysed, or that grew far past
/// what their statistics say, and returns their names. Several servers may call it at once:
/// one of them analyses, the others skip.
pub async fn analyze_stale_tables(pool: &PgPool) -> Result<Vec<String>, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let ours: bool = sqlx::query_scalar("SELECT pg_try_advisory_xact_lock($1)")
        .bind(ANALYZER_LOCK)
        .fetch_one(&mut *tx)
        .await?;
    if !ours {
        return Ok(Vec::new());
    }
    let stale: Vec<String> = sqlx::query_scalar(
        "SELECT s.relname::text FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid \
         WHERE s.schemaname = current_schema() AND s.relname = ANY($1) AND s.n_live_tup > 0 \
           AND (c.reltuples < 0 OR s.n_live_tup >= $2 + $3 * c.reltuples) \
         ORDER BY s.relname",
    )
    .bind(&TABLES[..])
    .bind(MIN_GROWTH)
    .bind(GROWTH_FACTOR)
    .fetch_all(&mut *tx)
    .await?;
    for table in &stale {
        // The name comes from the fixed list above, never from input.
        debug_assert!(TABLES.contains(&table.as_str()));
        sqlx::query(&format!("ANALYZE {table}"))
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(stale)
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn last_analyzed(pool: &PgPool) -> Option<chrono::DateTime<chrono::Utc>> {
        sqlx::query_scalar(
            "SELECT greatest(last_analyze, last_autoanalyze) FROM pg_stat_user_tables \
             WHERE relname = 'config_change'",
        )
        .fetch_one(pool)
        .await
        .unwrap()
    }

    /// Writes `n` config changes from one connection and makes its counters visible now
    /// (backends report them at most once a second otherwise).
    async fn write_changes(pool: &PgPool, account: uuid::Uuid, n: i64) {
        let mut conn = pool.acquire().await.unwrap();
        sqlx::query(
            "INSERT INTO config_change (account_id, region, kind, cloud_id, generation, at, change) \
             SELECT $1, 'r', 'connection', 'id-' || i, 1, now(), 'added' \
             FROM generate_series(1, $2) i",
        )
        .bind(account)
        .bind(n)
        .execute(&mut *conn)
        .await
        .unwrap();
        sqlx::query("SELECT pg_stat_force_next_flush()")
            .execute(&mut *conn)
            .await
            .unwrap();
        // The flush happens when the session next goes idle: one more round trip.
        sqlx::query("SELECT 1").execute(&mut *conn).await.unwrap();
    }

    #[tokio::test]
    async fn filled_and_never_analysed_tables_are_analysed_and_a_small_growth_is_left_alone() {
        let pool = pgembed::testing::fresh_database(&crate::MIGRATOR).await;
        // 32 zero bytes, base64.
        let keys = crate::crypto::KeyRing::from_base64(&format!("{}=", "A".repeat(43))).unwrap();
        let account = crate::accounts::create_account(
            &pool,
            &keys,
            crate::model::NewAccount {
                cloud: "aliyun".into(),
                name: "main".into(),
                access_key_id: "LTAI-test-id".into(),
                secret: secrecy::SecretString::from("sk".to_owned()),
                regions: vec!["r".into()],
                endpoints: Default::default(),
            },
        )
        .await
        .unwrap()
        .id;
        assert_eq!(last_analyzed(&pool).await, None);

        // Filled by a first sync, and the one-row account table never analysed: both.
        write_changes(&pool, account, 5000).await;
        assert_eq!(
            analyze_stale_tables(&pool).await.unwrap(),
            vec!["cloud_account".to_string(), "config_change".to_string()]
        );
        // ANALYZE's own counters arrive like the others: let them through, then ask again.
        let mut seen = None;
        for _ in 0..150 {
            seen = last_analyzed(&pool).await;
            if seen.is_some() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert!(seen.is_some(), "config_change was never analysed");
        // 600 rows more than the 5,000 analysed: left to autovacuum. Three times as many: again.
        write_changes(&pool, account, 600).await;
        assert!(analyze_stale_tables(&pool).await.unwrap().is_empty());
        write_changes(&pool, account, 10_000).await;
        assert_eq!(
            analyze_stale_tables(&pool).await.unwrap(),
            vec!["config_change".to_string()]
        );
    }
}
