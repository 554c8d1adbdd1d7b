//! One scoped, keyset-paginated read of `resource_current` for every resource kind the API
//! lists. The token's scope is applied in SQL (an empty list matches everything), so nothing
//! outside it is ever read. A resource's site is the name of the customer gateway its
//! connection points at (tunnels inherit their connection's); resources without one are
//! outside a site-restricted scope, as `Scope::allows` says.

use auth::Scope;
use chrono::{DateTime, Utc};
use sqlx::{FromRow, PgPool};

/// The keyset position: (account name, region, cloud id), unique among live resources.
pub type Position = (String, String, String);

#[derive(Debug, FromRow)]
pub struct ResourceRow {
    pub cloud: String,
    pub account: String,
    pub region: String,
    pub cloud_id: String,
    pub name: Option<String>,
    pub parent_id: Option<String>,
    pub state: String,
    pub raw_state: Option<String>,
    pub reason: Option<String>,
    pub state_since: DateTime<Utc>,
    pub site: Option<String>,
    pub destination: Option<String>,
    pub next_hop: Option<String>,
}

impl ResourceRow {
    pub fn position(&self) -> Position {
        (
            self.account.clone(),
            self.region.clone(),
            self.cloud_id.clone(),
        )
    }
}

/// The columns every listing returns, from `resource_current r` and its joins.
const COLUMNS: &str = "SELECT a.cloud, a.name AS account, r.region, r.cloud_id, r.name, \
       r.parent_id, r.state, r.raw_state, r.reason, r.state_since, \
       coalesce(cg.name, pcg.name) AS site, \
       r.attrs ->> 'destination' AS destination, r.attrs ->> 'next_hop' AS next_hop ";

/// The account, and the site of a connection (its customer gateway) or of a tunnel (its
/// connection's), then the scope: `$2` clouds, `$3` accounts, `$4` regions, `$5` sites.
const SCOPED: &str = "FROM resource_current r \
     JOIN cloud_account a ON a.id = r.account_id AND a.deleted_at IS NULL \
     LEFT JOIN resource_current cg ON r.kind = 'connection' AND cg.kind = 'customer_gateway' \
       AND cg.account_id = r.account_id AND cg.region = r.region \
       AND cg.cloud_id = r.attrs ->> 'customer_gateway_id' \
     LEFT JOIN resource_current pc ON r.kind = 'tunnel' AND pc.kind = 'connection' \
       AND pc.account_id = r.account_id AND pc.region = r.region AND pc.cloud_id = r.parent_id \
     LEFT JOIN resource_current pcg ON pcg.kind = 'customer_gateway' \
       AND pcg.account_id = pc.account_id AND pcg.region = pc.region \
       AND pcg.cloud_id = pc.attrs ->> 'customer_gateway_id' \
     WHERE (cardinality($2::text[]) = 0 OR a.cloud = ANY($2)) \
       AND (cardinality($3::text[]) = 0 OR a.name = ANY($3)) \
       AND (cardinality($4::text[]) = 0 OR r.region = ANY($4)) \
       AND (cardinality($5::text[]) = 0 OR coalesce(cg.name, pcg.name) = ANY($5)) ";

/// One page of `kind` after `after`, in (account, region, id) order; `limit + 1` rows are
/// read so the caller knows whether another page follows.
pub async fn page(
    pool: &PgPool,
    kind: &str,
    scope: &Scope,
    after: Option<&Position>,
    limit: i64,
) -> Result<Vec<ResourceRow>, sqlx::Error> {
    let (account, region, id) = match after {
        Some((a, r, i)) => (Some(a.as_str()), Some(r.as_str()), Some(i.as_str())),
        None => (None, None, None),
    };
    sqlx::query_as(&format!(
        "{COLUMNS}{SCOPED} AND r.kind = $1 AND ($6::text IS NULL OR (a.name, r.region, r.cloud_id) > ($6, $7, $8)) \
         ORDER BY a.name, r.region, r.cloud_id LIMIT $9"
    ))
    .bind(kind)
    .bind(&scope.clouds)
    .bind(&scope.accounts)
    .bind(&scope.regions)
    .bind(&scope.sites)
    .bind(account)
    .bind(region)
    .bind(id)
    .bind(limit + 1)
    .fetch_all(pool)
    .await
}

/// The resource of `kind` with this cloud id, if it is inside the scope.
pub async fn one(
    pool: &PgPool,
    kind: &str,
    scope: &Scope,
    cloud_id: &str,
) -> Result<Option<ResourceRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{COLUMNS}{SCOPED} AND r.kind = $1 AND r.cloud_id = $6 ORDER BY a.name, r.region LIMIT 1"
    ))
    .bind(kind)
    .bind(&scope.clouds)
    .bind(&scope.accounts)
    .bind(&scope.regions)
    .bind(&scope.sites)
    .bind(cloud_id)
    .fetch_optional(pool)
    .await
}

/// The tunnels of these connections (same account and region), inside the scope.
pub async fn tunnels_of(
    pool: &PgPool,
    scope: &Scope,
    connections: &[ResourceRow],
) -> Result<Vec<ResourceRow>, sqlx::Error> {
    let ids: Vec<&str> = connections.iter().map(|c| c.cloud_id.as_str()).collect();
    let rows: Vec<ResourceRow> = sqlx::query_as(&format!(
        "{COLUMNS}{SCOPED} AND r.kind = $1 AND r.parent_id = ANY($6) ORDER BY a.name, r.region, r.cloud_id"
    ))
    .bind("tunnel")
    .bind(&scope.clouds)
    .bind(&scope.accounts)
    .bind(&scope.regions)
    .bind(&scope.sites)
    .bind(&ids)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter(|t| {
            connections.iter().any(|c| {
                c.account == t.account
                    && c.region == t.region
                    && t.parent_id.as_deref() == Some(c.cloud_id.as_str())
            })
        })
        .collect())
}

/// Which of `ids` (cloud ids of any kind) are resources inside the scope. `$1` (the kind in
/// the listings) matches any kind here; it stays so the scope's parameters keep their numbers.
pub async fn visible_ids(
    pool: &PgPool,
    scope: &Scope,
    ids: &[String],
) -> Result<std::collections::HashSet<String>, sqlx::Error> {
    let rows: Vec<(String,)> = sqlx::query_as(&format!(
        "SELECT DISTINCT r.cloud_id {SCOPED} AND $1::text IS NULL AND r.cloud_id = ANY($6)"
    ))
    .bind(None::<String>)
    .bind(&scope.clouds)
    .bind(&scope.accounts)
    .bind(&scope.regions)
    .bind(&scope.sites)
    .bind(ids)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}
