//! History reads and retention: state transitions (timelines, flap counts) and config
//! changes ("what changed since yesterday"), both written by [`crate::sync_write`].

use crate::diff::FieldChange;
use crate::model::{ResourceKind, ResourceRef};
use crate::Result;
use chrono::{DateTime, Utc};
use sqlx::types::Json;
use sqlx::{PgPool, Row};
use uuid::Uuid;

/// One recorded state change.
#[derive(Debug, Clone, PartialEq)]
pub struct TransitionRecord {
    /// Which resource.
    pub key: ResourceRef,
    /// `main`, `ike`, `ipsec`, `health`, `bgp`, `lifecycle`.
    pub facet: String,
    /// When the sync saw it.
    pub at: DateTime<Utc>,
    /// Previous normalised state (none when the facet first appeared).
    pub old_state: Option<String>,
    /// New normalised state.
    pub new_state: String,
    /// Previous cloud string.
    pub old_raw: Option<String>,
    /// New cloud string.
    pub new_raw: Option<String>,
    /// The cloud's reason text.
    pub reason: Option<String>,
}

/// One config change of a resource in one snapshot.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeRecord {
    /// Which resource.
    pub key: ResourceRef,
    /// Snapshot generation.
    pub generation: i64,
    /// When.
    pub at: DateTime<Utc>,
    /// `added`, `removed` or `changed`.
    pub change: String,
    /// Field changes (for `changed`).
    pub fields: Vec<FieldChange>,
}

fn key_of(r: &sqlx::postgres::PgRow) -> Result<ResourceRef> {
    let kind: String = r.try_get("kind")?;
    Ok(ResourceRef {
        account_id: r.try_get("account_id")?,
        region: r.try_get("region")?,
        kind: kind.parse::<ResourceKind>()?,
        cloud_id: r.try_get("cloud_id")?,
    })
}

/// Transitions of one resource since `since`, oldest first.
pub async fn transitions(
    pool: &PgPool,
    key: &ResourceRef,
    since: DateTime<Utc>,
) -> Result<Vec<TransitionRecord>> {
    let rows = sqlx::query(
        "SELECT account_id, region, kind, cloud_id, facet, at, old_state, new_state, old_raw, \
         new_raw, reason FROM state_transition WHERE account_id = $1 AND region = $2 \
         AND kind = $3 AND cloud_id = $4 AND at >= $5 ORDER BY at, id",
    )
    .bind(key.account_id)
    .bind(&key.region)
    .bind(key.kind.as_str())
    .bind(&key.cloud_id)
    .bind(since)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(TransitionRecord {
                key: key_of(r)?,
                facet: r.try_get("facet")?,
                at: r.try_get("at")?,
                old_state: r.try_get("old_state")?,
                new_state: r.try_get("new_state")?,
                old_raw: r.try_get("old_raw")?,
                new_raw: r.try_get("new_raw")?,
                reason: r.try_get("reason")?,
            })
        })
        .collect()
}

/// Flaps of one resource in `[from, to)`: transitions of `facet` (any facet when `None`)
/// that had a previous state (a facet appearing is not a flap).
pub async fn flap_count(
    pool: &PgPool,
    key: &ResourceRef,
    facet: Option<&str>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT count(*) FROM state_transition WHERE account_id = $1 AND region = $2 \
         AND kind = $3 AND cloud_id = $4 AND ($5::text IS NULL OR facet = $5) \
         AND old_state IS NOT NULL AND at >= $6 AND at < $7",
    )
    .bind(key.account_id)
    .bind(&key.region)
    .bind(key.kind.as_str())
    .bind(&key.cloud_id)
    .bind(facet)
    .bind(from)
    .bind(to)
    .fetch_one(pool)
    .await?)
}

/// Config changes of an account since `since` (all accounts when `None`), newest first.
pub async fn changes_since(
    pool: &PgPool,
    account_id: Option<Uuid>,
    since: DateTime<Utc>,
) -> Result<Vec<ChangeRecord>> {
    let rows = sqlx::query(
        "SELECT account_id, region, kind, cloud_id, generation, at, change, fields \
         FROM config_change WHERE ($1::uuid IS NULL OR account_id = $1) AND at >= $2 \
         ORDER BY at DESC, id DESC",
    )
    .bind(account_id)
    .bind(since)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            let Json(fields): Json<Vec<FieldChange>> = r.try_get("fields")?;
            Ok(ChangeRecord {
                key: key_of(r)?,
                generation: r.try_get("generation")?,
                at: r.try_get("at")?,
                change: r.try_get("change")?,
                fields,
            })
        })
        .collect()
}

/// What [`prune_history`] removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PruneReport {
    /// State transitions deleted.
    pub transitions: u64,
    /// Config changes deleted.
    pub changes: u64,
    /// Resources gone before the cutoff, deleted for good.
    pub gone_resources: u64,
}

/// Retention: deletes history older than `older_than` and resources gone before it.
pub async fn prune_history(pool: &PgPool, older_than: DateTime<Utc>) -> Result<PruneReport> {
    let mut tx = pool.begin().await?;
    let transitions = sqlx::query("DELETE FROM state_transition WHERE at < $1")
        .bind(older_than)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    let changes = sqlx::query("DELETE FROM config_change WHERE at < $1")
        .bind(older_than)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    let gone_resources = sqlx::query("DELETE FROM resource WHERE gone_at < $1")
        .bind(older_than)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    tx.commit().await?;
    Ok(PruneReport {
        transitions,
        changes,
        gone_resources,
    })
}
