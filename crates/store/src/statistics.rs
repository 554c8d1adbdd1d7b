//! Planner statistics kept in step with the sync's writes.
//!
//! The first sync of a large estate fills empty tables in seconds. PostgreSQL plans the pages'
//! queries from statistics that still say "empty" until autovacuum analyses the tables, which
//! it checks only once a minute (`autovacuum_naptime`). Measured on 10,000 connections: for
//! that minute the connections page's query took 530–830 ms instead of ~1 ms (nested loops
//! over rows the planner believed absent), and a page under 32 clients had a 1 s p99. So the
//! sync engine asks here, every few seconds, for the tables that changed by a large part of
//! their size since their last analysis, and analyses them at once.

use sqlx::PgPool;

/// The tables a sync writes in bulk and the pages read with joins.
const TABLES: [&str; 4] = ["resource", "state_transition", "config_change", "sync_freshness"];

/// A table is analysed when this many rows changed since its last analysis...
const MIN_CHANGED: i64 = 500;
/// ...and they are at least this part of the rows it holds (autovacuum's default is 0.1
/// plus 50 rows; a larger part here leaves steady-state churn to autovacuum).
const CHANGED_PART: f64 = 0.2;

/// The advisory lock that makes one process at a time the analyser (an arbitrary constant
/// shared by every gatewatch process; no other advisory lock is used).
const ANALYZER_LOCK: i64 = 7_166_501_200_001;

/// Analyses those of [`TABLES`] whose statistics lag far behind their rows, and returns their
/// names. Several servers may call it at once: one of them analyses, the others skip.
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
        "SELECT relname::text FROM pg_stat_user_tables \
         WHERE schemaname = current_schema() AND relname = ANY($1) \
           AND n_mod_since_analyze >= $2 \
           AND n_mod_since_analyze >= $3 * greatest(n_live_tup - n_mod_since_analyze, 0) \
         ORDER BY relname",
    )
    .bind(&TABLES[..])
    .bind(MIN_CHANGED)
    .bind(CHANGED_PART)
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
    async fn a_freshly_filled_table_is_analysed_once_and_a_small_change_is_left_alone() {
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

        write_changes(&pool, account, 100).await;
        assert!(analyze_stale_tables(&pool).await.unwrap().is_empty());
        assert_eq!(last_analyzed(&pool).await, None);

        write_changes(&pool, account, 5000).await;
        assert_eq!(
            analyze_stale_tables(&pool).await.unwrap(),
            vec!["config_change".to_string()]
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
        write_changes(&pool, account, 600).await;
        assert!(analyze_stale_tables(&pool).await.unwrap().is_empty());
    }
}
