//! Prefix counts of BGP sessions over time, for the looking glass's chart.
//!
//! The sync calls [`record_prefix_samples`] after it writes a region's BGP sessions or routes;
//! a sample is stored only when a session's counts differ from its latest one, so the series
//! is a list of change points (a step function) and a steady session costs one row. The counts
//! are those of the `bgp_session_prefix_count` view, the definition the looking glass reads
//! (computed from one read of the region's rows here; see `bgp_sample_counts.rs` for why).

use crate::Result;
use chrono::{DateTime, Utc};
use sqlx::{PgPool, Row};
use std::collections::HashMap;
use uuid::Uuid;

// Kept in its own file (declared here so the crate root stays as it is).
#[path = "bgp_sample_counts.rs"]
mod counts;

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
    let counts = counts::region_counts(pool, account_id, region).await?;
    let latest: HashMap<String, (i64, i64)> = sqlx::query(
        "SELECT DISTINCT ON (cloud_id) cloud_id, advertised, learned FROM bgp_prefix_sample \
         WHERE account_id = $1 AND region = $2 ORDER BY cloud_id, at DESC, id DESC",
    )
    .bind(account_id)
    .bind(region)
    .fetch_all(pool)
    .await?
    .iter()
    .map(|r| {
        Ok((
            r.try_get("cloud_id")?,
            (r.try_get("advertised")?, r.try_get("learned")?),
        ))
    })
    .collect::<std::result::Result<_, sqlx::Error>>()?;
    let changed: Vec<_> = counts
        .into_iter()
        .filter(|(id, adv, lrn)| latest.get(id) != Some(&(*adv, *lrn)))
        .collect();
    if changed.is_empty() {
        return Ok(0);
    }
    let mut ids = Vec::with_capacity(changed.len());
    let mut advertised = Vec::with_capacity(changed.len());
    let mut learned = Vec::with_capacity(changed.len());
    for (id, adv, lrn) in changed {
        ids.push(id);
        advertised.push(adv);
        learned.push(lrn);
    }
    Ok(sqlx::query(
        "INSERT INTO bgp_prefix_sample (account_id, region, cloud_id, at, advertised, learned) \
         SELECT $1, $2, u.id, $3, u.advertised, u.learned \
         FROM UNNEST($4::text[], $5::bigint[], $6::bigint[]) AS u(id, advertised, learned)",
    )
    .bind(account_id)
    .bind(region)
    .bind(at)
    .bind(&ids)
    .bind(&advertised)
    .bind(&learned)
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
