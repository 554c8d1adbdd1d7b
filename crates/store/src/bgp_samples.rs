//! Prefix counts of BGP sessions over time, for the looking glass's chart.
//!
//! The sync calls [`record_prefix_samples`] after it writes a region's BGP sessions or routes;
//! a sample is stored only when a session's counts differ from its latest one, so the series
//! is a list of change points (a step function) and a steady session costs one row. The counts
//! are those of the `bgp_session_prefix_count` view, the definition the looking glass reads
//! (computed in one pass here; see [`record_prefix_samples`]).

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
///
/// The counts are those of the `bgp_session_prefix_count` view, computed in one pass: that
/// view counts each session's routes with two correlated subqueries over `bgp_session_route`
/// (a scan of the region's routes per session and direction) and takes ~25 ms to plan, which
/// made sampling, run after every sessions or routes write, most of a full sync's database
/// time. Here the region's `bgp_session_route` rows are grouped once and joined to the
/// sessions; the `greatest(…)` of the session's own counts is the view's, term for term (a
/// test holds the two equal).
pub async fn record_prefix_samples(
    pool: &PgPool,
    account_id: Uuid,
    region: &str,
    at: DateTime<Utc>,
) -> Result<u64> {
    Ok(sqlx::query(
        "WITH routes AS (SELECT session_id, \
           count(*) FILTER (WHERE direction = 'advertised') AS advertised, \
           count(*) FILTER (WHERE direction = 'learned') AS learned \
           FROM bgp_session_route WHERE account_id = $1 AND region = $2 GROUP BY session_id), \
         c AS (SELECT b.cloud_id AS session_id, \
           greatest(coalesce(jsonb_array_length(b.attrs -> 'advertised'), 0), \
             coalesce(r.advertised, 0))::bigint AS advertised, \
           greatest(coalesce(jsonb_array_length(b.attrs -> 'learned'), 0), \
             coalesce((b.attrs ->> 'received_count')::bigint, 0), \
             coalesce(r.learned, 0))::bigint AS learned \
           FROM resource_current b LEFT JOIN routes r ON r.session_id = b.cloud_id \
           WHERE b.account_id = $1 AND b.region = $2 AND b.kind = 'bgp_session') \
         INSERT INTO bgp_prefix_sample (account_id, region, cloud_id, at, advertised, learned) \
         SELECT $1, $2, c.session_id, $3, c.advertised, c.learned FROM c \
         LEFT JOIN LATERAL (SELECT p.advertised, p.learned FROM bgp_prefix_sample p \
           WHERE p.account_id = $1 AND p.region = $2 AND p.cloud_id = c.session_id \
           ORDER BY p.at DESC, p.id DESC LIMIT 1) last ON true \
         WHERE last.learned IS NULL OR last.advertised <> c.advertised \
           OR last.learned <> c.learned",
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
