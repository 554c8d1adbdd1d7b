//! The overview's queries (server only): reads of the committed store, never of a cloud.

use super::overview::*;
use crate::error::AppError;
use chrono::{DateTime, Duration, Utc};
use sqlx::{PgPool, Row};

/// Data older than this is called stale (three missed hot cycles of 30 s).
pub const STALE_AFTER_SECS: i64 = 90;
const RECENT_CHANGES: i64 = 20;

pub async fn overview(pool: &PgPool, now: DateTime<Utc>) -> Result<Overview, AppError> {
    let regions = regions(pool, now).await?;
    let as_of = regions.iter().filter_map(|r| r.last_success).min();
    Ok(Overview {
        sites: sites(pool).await?,
        changes: changes(pool).await?,
        regions,
        sync: None,
        as_of,
        generated_at: now,
    })
}

fn counts(row: &sqlx::postgres::PgRow, prefix: &str) -> Result<StateCounts, sqlx::Error> {
    Ok(StateCounts {
        up: row.try_get(format!("{prefix}_up").as_str())?,
        partial: row.try_get(format!("{prefix}_partial").as_str())?,
        down: row.try_get(format!("{prefix}_down").as_str())?,
        other: row.try_get(format!("{prefix}_other").as_str())?,
    })
}

/// One row per (account, region) the sync knows, worst first: most connections down, then
/// partly down, then BGP sessions down.
async fn regions(pool: &PgPool, now: DateTime<Utc>) -> Result<Vec<RegionRollup>, AppError> {
    let rows = sqlx::query(
        "WITH keys AS (SELECT DISTINCT account_id, region FROM sync_freshness), \
         c AS (SELECT account_id, region, kind, state FROM resource_current \
               WHERE kind IN ('connection', 'bgp_session')) \
         SELECT a.cloud, a.name, k.region, \
           count(*) FILTER (WHERE c.kind = 'connection' AND c.state = 'up') AS conn_up, \
           count(*) FILTER (WHERE c.kind = 'connection' AND c.state = 'partial') AS conn_partial, \
           count(*) FILTER (WHERE c.kind = 'connection' AND c.state = 'down') AS conn_down, \
           count(*) FILTER (WHERE c.kind = 'connection' AND c.state IN ('pending', 'unknown')) AS conn_other, \
           count(*) FILTER (WHERE c.kind = 'bgp_session' AND c.state = 'up') AS bgp_up, \
           count(*) FILTER (WHERE c.kind = 'bgp_session' AND c.state = 'partial') AS bgp_partial, \
           count(*) FILTER (WHERE c.kind = 'bgp_session' AND c.state = 'down') AS bgp_down, \
           count(*) FILTER (WHERE c.kind = 'bgp_session' AND c.state IN ('pending', 'unknown')) AS bgp_other, \
           f.last_success_at, f.last_error_code, f.last_error_message, f.last_error_at \
         FROM keys k JOIN cloud_account a ON a.id = k.account_id AND a.deleted_at IS NULL \
         LEFT JOIN c ON c.account_id = k.account_id AND c.region = k.region \
         LEFT JOIN sync_freshness f ON f.account_id = k.account_id AND f.region = k.region \
           AND f.kind = 'connection' \
         GROUP BY a.cloud, a.name, k.region, f.last_success_at, f.last_error_code, \
           f.last_error_message, f.last_error_at \
         ORDER BY conn_down DESC, conn_partial DESC, bgp_down DESC, a.name, k.region",
    )
    .fetch_all(pool)
    .await?;
    let stale_before = now - Duration::seconds(STALE_AFTER_SECS);
    rows.iter()
        .map(|r| {
            let last_success: Option<DateTime<Utc>> = r.try_get("last_success_at")?;
            let error_at: Option<DateTime<Utc>> = r.try_get("last_error_at")?;
            let code: Option<String> = r.try_get("last_error_code")?;
            let message: Option<String> = r.try_get("last_error_message")?;
            // An error older than the last success is history, not news.
            let current_error = error_at.is_some_and(|e| last_success.is_none_or(|s| e > s));
            Ok(RegionRollup {
                cloud: r.try_get("cloud")?,
                account: r.try_get("name")?,
                region: r.try_get("region")?,
                connections: counts(r, "conn")?,
                bgp: counts(r, "bgp")?,
                stale: last_success.is_none_or(|s| s < stale_before),
                last_success,
                last_error: current_error.then(|| {
                    format!(
                        "{}: {}",
                        code.unwrap_or_default(),
                        message.unwrap_or_default()
                    )
                }),
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(AppError::from)
}

/// Customer gateways merged into sites across clouds and accounts (by public IP / ASN), with
/// the tunnels that reach each site.
async fn sites(pool: &PgPool) -> Result<Vec<SiteRollup>, AppError> {
    let rows = sqlx::query(
        "SELECT min(cg.name) AS site, array_agg(DISTINCT a.cloud ORDER BY a.cloud) AS clouds, \
           count(t.cloud_id) FILTER (WHERE t.state = 'up') AS up, count(t.cloud_id) AS total \
         FROM resource_current cg \
         JOIN cloud_account a ON a.id = cg.account_id \
         LEFT JOIN resource_current c ON c.kind = 'connection' AND c.account_id = cg.account_id \
           AND c.region = cg.region AND c.attrs ->> 'customer_gateway_id' = cg.cloud_id \
         LEFT JOIN resource_current t ON t.kind = 'tunnel' AND t.account_id = c.account_id \
           AND t.region = c.region AND t.parent_id = c.cloud_id \
         WHERE cg.kind = 'customer_gateway' AND cg.site_key IS NOT NULL \
         GROUP BY cg.site_key \
         ORDER BY (count(t.cloud_id) - count(t.cloud_id) FILTER (WHERE t.state = 'up')) DESC, site",
    )
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(SiteRollup {
                site: r
                    .try_get::<Option<String>, _>("site")?
                    .unwrap_or_else(|| "(unnamed)".into()),
                clouds: r.try_get("clouds")?,
                tunnels_up: r.try_get("up")?,
                tunnels: r.try_get("total")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(AppError::from)
}

async fn changes(pool: &PgPool) -> Result<Vec<RecentChange>, AppError> {
    let rows: Vec<RecentChange> = sqlx::query_as(
        "SELECT t.at, a.cloud, a.name AS account, t.region, t.kind, \
           coalesce(r.name, t.cloud_id) AS name, t.facet, t.old_state, t.new_state, t.reason \
         FROM state_transition t JOIN cloud_account a ON a.id = t.account_id \
         LEFT JOIN resource r ON r.account_id = t.account_id AND r.region = t.region \
           AND r.kind = t.kind AND r.cloud_id = t.cloud_id \
         ORDER BY t.at DESC, t.id DESC LIMIT $1",
    )
    .bind(RECENT_CHANGES)
    .fetch_all(pool)
    .await?;
    Ok(rows)
}
