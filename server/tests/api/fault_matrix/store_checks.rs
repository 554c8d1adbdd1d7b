//! What "nothing stored is lost or torn" means, as queries on the store.

use sqlx::PgPool;
use std::collections::BTreeMap;
use uuid::Uuid;

pub type Key = (Uuid, String, String);

/// Visible rows per (account, region, kind), read in one statement (one MVCC snapshot).
pub async fn visible_counts(pool: &PgPool) -> BTreeMap<Key, i64> {
    let rows: Vec<(Uuid, String, String, i64)> = sqlx::query_as(
        "SELECT account_id, region, kind, count(*) FROM resource_current \
         GROUP BY account_id, region, kind",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    rows.into_iter()
        .map(|(a, r, k, n)| ((a, r, k), n))
        .collect()
}

/// The committed generation of every (account, region, kind).
pub async fn generations(pool: &PgPool) -> BTreeMap<Key, i64> {
    let rows: Vec<(Uuid, String, String, i64)> =
        sqlx::query_as("SELECT account_id, region, kind, generation FROM sync_generation")
            .fetch_all(pool)
            .await
            .unwrap();
    rows.into_iter()
        .map(|(a, r, k, g)| ((a, r, k), g))
        .collect()
}

/// No torn snapshot: no live row was written under a generation its key never committed (a
/// half-applied snapshot would leave such rows beside the last whole picture), no row lacks
/// a committed generation, and readers see every live row.
pub async fn assert_not_torn(pool: &PgPool, case: &str) {
    let (mixed, orphans, live, visible): (i64, i64, i64, i64) = sqlx::query_as(
        "SELECT \
           (SELECT count(*) FROM resource r JOIN sync_generation g \
              USING (account_id, region, kind) \
            WHERE r.gone_at IS NULL AND r.generation > g.generation), \
           (SELECT count(*) FROM resource r WHERE NOT EXISTS (SELECT 1 FROM sync_generation g \
              WHERE g.account_id = r.account_id AND g.region = r.region AND g.kind = r.kind)), \
           (SELECT count(*) FROM resource WHERE gone_at IS NULL), \
           (SELECT count(*) FROM resource_current)",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    assert_eq!(
        mixed, 0,
        "{case}: live rows of an uncommitted generation (torn)"
    );
    assert_eq!(orphans, 0, "{case}: rows without a committed generation");
    assert_eq!(live, visible, "{case}: live rows hidden from readers");
}

/// Every freshness row healthy: no failure streak, and a success after the last error.
pub async fn all_healthy(pool: &PgPool, keys: usize) -> bool {
    let fresh =
        store::freshness::freshness(pool, None, chrono::Utc::now(), chrono::Duration::minutes(5))
            .await
            .unwrap_or_default();
    fresh.len() == keys
        && fresh.iter().all(|f| {
            f.consecutive_failures == 0
                && f.last_success_at.is_some()
                && f.last_error
                    .as_ref()
                    .is_none_or(|e| f.last_success_at.is_some_and(|s| s > e.at))
        })
}

/// Freshness keys of one (account, region): every kind of every unit.
pub fn kinds_per_region() -> usize {
    sync::Unit::ALL.iter().map(|u| u.kinds().len()).sum()
}
