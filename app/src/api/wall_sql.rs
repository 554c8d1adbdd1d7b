//! The wall's queries, every one restricted to the token's scope in SQL (an empty list in the
//! scope matches everything), so nothing outside the scope is ever read into the answer.

use super::overview::{RecentChange, RegionRollup};
use super::wall::{SiteTile, WallView};
use crate::error::AppError;
use auth::Scope;
use chrono::{DateTime, Duration, Utc};
use sqlx::{PgPool, Row};

const FLASH_WINDOW_MINUTES: i64 = 30;

/// `NotFound` for an unknown, malformed, expired or revoked token: the wall says the token no
/// longer works, without saying which of these it was.
pub async fn view(pool: &PgPool, token: &str, now: DateTime<Utc>) -> Result<WallView, AppError> {
    let wall = auth::wall::TOKENS
        .resolve(pool, token, now)
        .await
        .map_err(crate::access::guard::auth_error)?
        .ok_or_else(|| {
            AppError::NotFound("this wall link is not valid (revoked, expired or mistyped)".into())
        })?;
    let scope = wall.scope;
    let since = now - Duration::minutes(FLASH_WINDOW_MINUTES);
    let changes = changes(pool, &scope, since).await?;
    let overview = super::overview_sql::overview(pool, now).await?;
    // Region tiles say nothing about sites, so a site-scoped wall shows sites only.
    let regions: Vec<RegionRollup> = overview
        .regions
        .into_iter()
        .filter(|r| scope.sites.is_empty() && scope.allows(&r.cloud, &r.account, &r.region, None))
        .collect();
    let sites = sites(pool, &scope, since).await?;
    let stale = regions
        .iter()
        .find_map(|r| {
            r.last_error
                .clone()
                .map(|e| format!("{} {}: {e}", r.account, r.region))
        })
        .or_else(|| {
            let n = regions.iter().filter(|r| r.stale).count();
            (n > 0).then(|| format!("{n} region(s) have not synced for over 90 s"))
        });
    let (as_of, next_refresh) = freshness(pool, &scope).await?;
    Ok(WallView {
        title: wall.name,
        scope: scope.describe(),
        sites,
        regions,
        changes,
        as_of,
        next_refresh,
        stale,
        generated_at: now,
    })
}

async fn freshness(
    pool: &PgPool,
    s: &Scope,
) -> Result<(Option<DateTime<Utc>>, Option<DateTime<Utc>>), AppError> {
    let row = sqlx::query(
        "SELECT min(f.last_success_at) AS as_of, min(f.next_due_at) AS next_due \
         FROM sync_freshness f JOIN cloud_account a ON a.id = f.account_id AND a.deleted_at IS NULL \
         WHERE f.kind = 'connection' \
           AND (cardinality($1::text[]) = 0 OR a.cloud = ANY($1)) \
           AND (cardinality($2::text[]) = 0 OR a.name = ANY($2)) \
           AND (cardinality($3::text[]) = 0 OR f.region = ANY($3))",
    )
    .bind(&s.clouds)
    .bind(&s.accounts)
    .bind(&s.regions)
    .fetch_one(pool)
    .await?;
    Ok((row.try_get("as_of")?, row.try_get("next_due")?))
}

/// Sites (customer gateways merged across clouds) in scope, most tunnels down first.
async fn sites(pool: &PgPool, s: &Scope, since: DateTime<Utc>) -> Result<Vec<SiteTile>, AppError> {
    let rows = sqlx::query(
        "SELECT min(cg.name) AS site, array_agg(DISTINCT a.cloud ORDER BY a.cloud) AS clouds, \
           count(t.cloud_id) FILTER (WHERE t.state = 'up') AS up, count(t.cloud_id) AS total, \
           bool_or(t.state_since > $5) AS recent \
         FROM resource_current cg \
         JOIN cloud_account a ON a.id = cg.account_id AND a.deleted_at IS NULL \
         LEFT JOIN resource_current c ON c.kind = 'connection' AND c.account_id = cg.account_id \
           AND c.region = cg.region AND c.attrs ->> 'customer_gateway_id' = cg.cloud_id \
         LEFT JOIN resource_current t ON t.kind = 'tunnel' AND t.account_id = c.account_id \
           AND t.region = c.region AND t.parent_id = c.cloud_id \
         WHERE cg.kind = 'customer_gateway' AND cg.site_key IS NOT NULL \
           AND (cardinality($1::text[]) = 0 OR a.cloud = ANY($1)) \
           AND (cardinality($2::text[]) = 0 OR a.name = ANY($2)) \
           AND (cardinality($3::text[]) = 0 OR cg.region = ANY($3)) \
         GROUP BY cg.site_key \
         HAVING cardinality($4::text[]) = 0 OR min(cg.name) = ANY($4) \
         ORDER BY (count(t.cloud_id) - count(t.cloud_id) FILTER (WHERE t.state = 'up')) DESC, site",
    )
    .bind(&s.clouds)
    .bind(&s.accounts)
    .bind(&s.regions)
    .bind(&s.sites)
    .bind(since)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(SiteTile {
                site: r
                    .try_get::<Option<String>, _>("site")?
                    .unwrap_or_else(|| "(unnamed)".into()),
                clouds: r.try_get("clouds")?,
                tunnels_up: r.try_get("up")?,
                tunnels: r.try_get("total")?,
                recent_change: r.try_get::<Option<bool>, _>("recent")?.unwrap_or(false),
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(AppError::from)
}

/// State changes since `since` in scope. For a site-scoped wall only changes of connections
/// and tunnels behind those sites count (the site is found through the connection's
/// customer gateway).
async fn changes(
    pool: &PgPool,
    s: &Scope,
    since: DateTime<Utc>,
) -> Result<Vec<RecentChange>, AppError> {
    let rows: Vec<RecentChange> = sqlx::query_as(
        "SELECT t.at, a.cloud, a.name AS account, t.region, t.kind, \
           coalesce(r.name, t.cloud_id) AS name, t.facet, t.old_state, t.new_state, t.reason \
         FROM state_transition t \
         JOIN cloud_account a ON a.id = t.account_id AND a.deleted_at IS NULL \
         LEFT JOIN resource_current r ON r.account_id = t.account_id AND r.region = t.region \
           AND r.kind = t.kind AND r.cloud_id = t.cloud_id \
         LEFT JOIN resource_current c ON c.kind = 'connection' AND c.account_id = t.account_id \
           AND c.region = t.region \
           AND c.cloud_id = CASE t.kind WHEN 'tunnel' THEN r.parent_id WHEN 'connection' THEN t.cloud_id END \
         LEFT JOIN resource_current cg ON cg.kind = 'customer_gateway' AND cg.account_id = c.account_id \
           AND cg.region = c.region AND cg.cloud_id = c.attrs ->> 'customer_gateway_id' \
         WHERE t.at > $5 \
           AND (cardinality($1::text[]) = 0 OR a.cloud = ANY($1)) \
           AND (cardinality($2::text[]) = 0 OR a.name = ANY($2)) \
           AND (cardinality($3::text[]) = 0 OR t.region = ANY($3)) \
           AND (cardinality($4::text[]) = 0 OR cg.name = ANY($4)) \
         ORDER BY t.at DESC, t.id DESC LIMIT 40",
    )
    .bind(&s.clouds)
    .bind(&s.accounts)
    .bind(&s.regions)
    .bind(&s.sites)
    .bind(since)
    .fetch_all(pool)
    .await?;
    Ok(rows)
}
