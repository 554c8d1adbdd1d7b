//! Prefix counts of BGP sessions over time, for the looking glass's chart.
//!
//! The sync calls [`record_prefix_samples`] after it writes a region's BGP sessions or routes;
//! a sample is stored only when a session's counts differ from its latest one, so the series
//! is a list of change points (a step function) and a steady session costs one row. The counts
//! come from the `bgp_session_prefix_count` view, the same definition the looking glass reads.

use crate::Result;
use chrono::{DateTime, Utc};
use sqlx::{PgPool, Row};
use uuid::Uuid;

/// Prefix counts of one session from `at` until the next sample.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrefixSample {
    /// When the sync saw these counts first.
    pub at: DateTime<Utc>,
    /// Prefixes the cloud advertises to the peer.
    pub advertised: i64,
    /// Prefixes learned from the peer.
    pub learned: i64,
}

/// Samples the present BGP sessions of (account, region) at `at`: one row per session whose
/// counts changed since its latest sample (or that has none). Returns the rows written.
pub async fn record_prefix_samples(
    pool: &PgPool,
    account_id: Uuid,
    region: &str,
    at: DateTime<Utc>,
) -> Result<u64> {
    Ok(sqlx::query(
        "INSERT INTO bgp_prefix_sample (account_id, region, cloud_id, at, advertised, learned) \
         SELECT c.account_id, c.region, c.session_id, $3, c.advertised, c.learned \
         FROM bgp_session_prefix_count c \
         LEFT JOIN LATERAL (SELECT p.advertised, p.learned FROM bgp_prefix_sample p \
           WHERE p.account_id = c.account_id AND p.region = c.region AND p.cloud_id = c.session_id \
           ORDER BY p.at DESC, p.id DESC LIMIT 1) last ON true \
         WHERE c.account_id = $1 AND c.region = $2 \
           AND (last.learned IS NULL OR last.advertised <> c.advertised OR last.learned <> c.learned)",
    )
    .bind(account_id)
    .bind(region)
    .bind(at)
    .execute(pool)
    .await?
    .rows_affected())
}

/// The series of one session over `[since, ..)`, oldest first. The first element is the
/// sample in force at `since` (stamped at its own time, which may be before `since`), so a
/// chart knows the value the window starts with.
pub async fn prefix_samples(
    pool: &PgPool,
    account_id: Uuid,
    region: &str,
    cloud_id: &str,
    since: DateTime<Utc>,
) -> Result<Vec<PrefixSample>> {
    let rows = sqlx::query(
        "(SELECT at, id, advertised, learned FROM bgp_prefix_sample \
           WHERE account_id = $1 AND region = $2 AND cloud_id = $3 AND at < $4 \
           ORDER BY at DESC, id DESC LIMIT 1) \
         UNION ALL \
         (SELECT at, id, advertised, learned FROM bgp_prefix_sample \
           WHERE account_id = $1 AND region = $2 AND cloud_id = $3 AND at >= $4) \
         ORDER BY at, id",
    )
    .bind(account_id)
    .bind(region)
    .bind(cloud_id)
    .bind(since)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(PrefixSample {
                at: r.try_get("at")?,
                advertised: r.try_get("advertised")?,
                learned: r.try_get("learned")?,
            })
        })
        .collect()
}

/// Retention, like [`crate::history::prune_history`]: deletes samples older than
/// `older_than`, except each session's newest one before it (the value in force at the
/// cutoff, which a later change has not replaced yet), and every sample of sessions whose
/// resource row is gone for good. Returns the rows deleted.
pub async fn prune_prefix_samples(pool: &PgPool, older_than: DateTime<Utc>) -> Result<u64> {
    Ok(sqlx::query(
        "DELETE FROM bgp_prefix_sample p WHERE \
           (p.at < $1 AND EXISTS (SELECT 1 FROM bgp_prefix_sample n \
              WHERE n.account_id = p.account_id AND n.region = p.region AND n.cloud_id = p.cloud_id \
                AND n.at < $1 AND (n.at, n.id) > (p.at, p.id))) \
           OR NOT EXISTS (SELECT 1 FROM resource r WHERE r.kind = 'bgp_session' \
              AND r.account_id = p.account_id AND r.region = p.region AND r.cloud_id = p.cloud_id)",
    )
    .bind(older_than)
    .execute(pool)
    .await?
    .rows_affected())
}
