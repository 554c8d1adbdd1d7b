//! Read queries for the UI: the current picture (last committed generation only), one
//! resource including gone ones, and sites merged across accounts and clouds.

use crate::model::{
    Facet, ResourceKind, ResourceRef, Site, SiteMember, Spec, StateValue, StoredResource,
};
use crate::Result;
use sqlx::postgres::PgRow;
use sqlx::types::Json;
use sqlx::{PgPool, Row};
use std::collections::BTreeMap;
use uuid::Uuid;

const COLUMNS: &str = "account_id, region, kind, cloud_id, name, parent_id, state, raw_state, \
    reason, facets, attrs, raw, site_key, first_seen_at, last_seen_at, changed_at, state_since, \
    generation, gone_at";

fn from_row(r: &PgRow) -> Result<StoredResource> {
    let kind: String = r.try_get("kind")?;
    let state: String = r.try_get("state")?;
    let Json(facets): Json<BTreeMap<Facet, StateValue>> = r.try_get("facets")?;
    let Json(spec): Json<Spec> = r.try_get("attrs")?;
    Ok(StoredResource {
        key: ResourceRef {
            account_id: r.try_get("account_id")?,
            region: r.try_get("region")?,
            kind: kind.parse()?,
            cloud_id: r.try_get("cloud_id")?,
        },
        name: r.try_get("name")?,
        parent_id: r.try_get("parent_id")?,
        state: StateValue {
            state: state.parse()?,
            raw: r.try_get("raw_state")?,
            reason: r.try_get("reason")?,
        },
        facets,
        spec,
        raw: r.try_get("raw")?,
        site_key: r.try_get("site_key")?,
        first_seen_at: r.try_get("first_seen_at")?,
        last_seen_at: r.try_get("last_seen_at")?,
        changed_at: r.try_get("changed_at")?,
        state_since: r.try_get("state_since")?,
        generation: r.try_get("generation")?,
        gone_at: r.try_get("gone_at")?,
    })
}

/// The committed generation of (account, region, kind); `None` before the first snapshot.
pub async fn generation(
    pool: &PgPool,
    account_id: Uuid,
    region: &str,
    kind: ResourceKind,
) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT generation FROM sync_generation \
         WHERE account_id = $1 AND region = $2 AND kind = $3",
    )
    .bind(account_id)
    .bind(region)
    .bind(kind.as_str())
    .fetch_optional(pool)
    .await?)
}

/// Present resources of one (account, region, kind), by cloud id.
pub async fn current_resources(
    pool: &PgPool,
    account_id: Uuid,
    region: &str,
    kind: ResourceKind,
) -> Result<Vec<StoredResource>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM resource_current \
         WHERE account_id = $1 AND region = $2 AND kind = $3 ORDER BY cloud_id"
    ))
    .bind(account_id)
    .bind(region)
    .bind(kind.as_str())
    .fetch_all(pool)
    .await?;
    rows.iter().map(from_row).collect()
}

/// Present resources of one kind across all live accounts and regions.
pub async fn current_of_kind(pool: &PgPool, kind: ResourceKind) -> Result<Vec<StoredResource>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM resource_current r \
         WHERE kind = $1 AND EXISTS (SELECT 1 FROM cloud_account a \
           WHERE a.id = r.account_id AND a.deleted_at IS NULL) \
         ORDER BY account_id, region, cloud_id"
    ))
    .bind(kind.as_str())
    .fetch_all(pool)
    .await?;
    rows.iter().map(from_row).collect()
}

/// One resource, present or gone (detail views of something that disappeared).
pub async fn get_resource(pool: &PgPool, key: &ResourceRef) -> Result<Option<StoredResource>> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM resource_seen \
         WHERE account_id = $1 AND region = $2 AND kind = $3 AND cloud_id = $4"
    ))
    .bind(key.account_id)
    .bind(&key.region)
    .bind(key.kind.as_str())
    .bind(&key.cloud_id)
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(from_row).transpose()
}

/// Sites: present customer gateways of all live accounts grouped by their merge key.
pub async fn list_sites(pool: &PgPool) -> Result<Vec<Site>> {
    let mut sites: BTreeMap<String, Vec<SiteMember>> = BTreeMap::new();
    for r in current_of_kind(pool, ResourceKind::CustomerGateway).await? {
        let (Some(key), Spec::CustomerGateway(cgw)) = (r.site_key, r.spec) else {
            continue;
        };
        sites.entry(key).or_default().push(SiteMember {
            account_id: r.key.account_id,
            region: r.key.region,
            cloud_id: r.key.cloud_id,
            name: r.name,
            asn: cgw.asn,
        });
    }
    Ok(sites
        .into_iter()
        .map(|(key, members)| Site { key, members })
        .collect())
}
