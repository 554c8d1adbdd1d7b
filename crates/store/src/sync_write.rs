//! Writing one complete snapshot of (account, region, kind) in ONE transaction: bump the
//! generation, upsert every item, mark the missing ones gone, and record state transitions
//! and config diffs. Readers (see [`crate::read`]) only see committed generations, so a sync
//! that fails half-way leaves the previous picture whole.

use crate::compare::{compare, OldRow};
use crate::history_write::{insert_change, record, Key};
use crate::model::{Cloud, Facet, ResourceItem, ResourceKind, StateValue};
use crate::{Error, Result};
use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::types::Json;
use sqlx::{PgPool, Postgres, Row, Transaction};
use std::collections::{BTreeMap, HashMap, HashSet};
use uuid::Uuid;

/// What a snapshot did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ApplyReport {
    /// The generation just committed.
    pub generation: i64,
    /// New resources (or back after being gone).
    pub added: usize,
    /// Resources whose config or state changed.
    pub changed: usize,
    /// Resources that disappeared.
    pub gone: usize,
    /// Resources seen again unchanged.
    pub unchanged: usize,
    /// State transitions recorded.
    pub transitions: usize,
}

fn validate(region: &str, kind: ResourceKind, items: &[ResourceItem]) -> Result<()> {
    if region.trim().is_empty() {
        return Err(Error::invalid("region", "must not be empty"));
    }
    let mut seen = HashSet::new();
    for it in items {
        if it.spec.kind() != kind {
            return Err(Error::invalid(
                "kind",
                format!(
                    "item {:?} is a {}, snapshot is {kind}",
                    it.cloud_id,
                    it.spec.kind()
                ),
            ));
        }
        if it.cloud_id.trim().is_empty() {
            return Err(Error::invalid("cloud_id", "must not be empty"));
        }
        if !seen.insert(it.cloud_id.as_str()) {
            return Err(Error::invalid(
                "cloud_id",
                format!("{:?} appears twice in one snapshot", it.cloud_id),
            ));
        }
    }
    Ok(())
}

/// Removes secrets with the cloud's own rules; done here as well as in the mappers so that
/// no caller can store a PSK by forgetting.
fn redact(cloud: Cloud, mut raw: Value) -> Value {
    match cloud {
        Cloud::Aliyun => aliyun::redact_json(&mut raw),
        Cloud::Huawei => huawei::redact_json(&mut raw),
    }
    raw
}

/// Upserts the complete list of `kind` resources of one account and region.
pub async fn apply_snapshot(
    pool: &PgPool,
    account_id: Uuid,
    region: &str,
    kind: ResourceKind,
    items: Vec<ResourceItem>,
    now: DateTime<Utc>,
) -> Result<ApplyReport> {
    validate(region, kind, &items)?;
    let mut tx = pool.begin().await?;
    let cloud: String =
        sqlx::query_scalar("SELECT cloud FROM cloud_account WHERE id = $1 AND deleted_at IS NULL")
            .bind(account_id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(Error::NotFound { what: "account" })?;
    let cloud: Cloud = cloud.parse()?;
    // Taking the generation row first also locks it: a second writer of the same key waits
    // here until this snapshot commits or rolls back.
    let generation: i64 = sqlx::query_scalar(
        "INSERT INTO sync_generation (account_id, region, kind, generation, committed_at) \
         VALUES ($1, $2, $3, 1, $4) \
         ON CONFLICT (account_id, region, kind) DO UPDATE \
         SET generation = sync_generation.generation + 1, committed_at = EXCLUDED.committed_at \
         RETURNING generation",
    )
    .bind(account_id)
    .bind(region)
    .bind(kind.as_str())
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    let old = load_existing(&mut tx, account_id, region, kind).await?;
    let mut report = ApplyReport {
        generation,
        ..ApplyReport::default()
    };
    let key = Key {
        account_id,
        region,
        kind,
        generation,
        now,
    };
    for item in items {
        let attrs = serde_json::to_value(&item.spec)?;
        let prev = old.get(&item.cloud_id);
        let cmp = compare(prev.map(|(row, _, _)| row), &item, &attrs);
        let (state_since, changed_at) = match prev {
            Some((_, since, changed)) => (
                if cmp.main_state_changed() {
                    now
                } else {
                    *since
                },
                if cmp.is_change() || cmp.added {
                    now
                } else {
                    *changed
                },
            ),
            None => (now, now),
        };
        upsert(&mut tx, &key, &item, cloud, &attrs, state_since, changed_at).await?;
        record(&mut tx, &key, &item.cloud_id, &cmp).await?;
        report.transitions += cmp.transitions.len();
        if cmp.added {
            report.added += 1;
        } else if cmp.is_change() {
            report.changed += 1;
        } else {
            report.unchanged += 1;
        }
    }
    let gone: Vec<String> = sqlx::query_scalar(
        "UPDATE resource SET gone_at = $4, changed_at = $4 \
         WHERE account_id = $1 AND region = $2 AND kind = $3 AND gone_at IS NULL \
           AND generation < $5 RETURNING cloud_id",
    )
    .bind(account_id)
    .bind(region)
    .bind(kind.as_str())
    .bind(now)
    .bind(generation)
    .fetch_all(&mut *tx)
    .await?;
    for id in &gone {
        insert_change(&mut tx, &key, id, "removed", &[]).await?;
    }
    report.gone = gone.len();
    tx.commit().await?;
    tracing::debug!(%account_id, region, %kind, ?report, "snapshot applied");
    Ok(report)
}

type Existing = HashMap<String, (OldRow, DateTime<Utc>, DateTime<Utc>)>;

async fn load_existing(
    tx: &mut Transaction<'_, Postgres>,
    account_id: Uuid,
    region: &str,
    kind: ResourceKind,
) -> Result<Existing> {
    let rows = sqlx::query(
        "SELECT cloud_id, name, parent_id, state, raw_state, reason, facets, attrs, gone_at, \
         state_since, changed_at FROM resource \
         WHERE account_id = $1 AND region = $2 AND kind = $3 FOR UPDATE",
    )
    .bind(account_id)
    .bind(region)
    .bind(kind.as_str())
    .fetch_all(&mut **tx)
    .await?;
    let mut out = HashMap::with_capacity(rows.len());
    for r in rows {
        let state: String = r.try_get("state")?;
        let Json(facets): Json<BTreeMap<Facet, StateValue>> = r.try_get("facets")?;
        let row = OldRow {
            name: r.try_get("name")?,
            parent_id: r.try_get("parent_id")?,
            state: StateValue {
                state: state.parse()?,
                raw: r.try_get("raw_state")?,
                reason: r.try_get("reason")?,
            },
            facets,
            attrs: r.try_get("attrs")?,
            gone: r.try_get::<Option<DateTime<Utc>>, _>("gone_at")?.is_some(),
        };
        out.insert(
            r.try_get("cloud_id")?,
            (row, r.try_get("state_since")?, r.try_get("changed_at")?),
        );
    }
    Ok(out)
}

async fn upsert(
    tx: &mut Transaction<'_, Postgres>,
    k: &Key<'_>,
    item: &ResourceItem,
    cloud: Cloud,
    attrs: &Value,
    state_since: DateTime<Utc>,
    changed_at: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO resource (account_id, region, kind, cloud_id, name, parent_id, state, \
           raw_state, reason, facets, attrs, raw, site_key, first_seen_at, last_seen_at, \
           changed_at, state_since, generation, gone_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15, $16, \
           $17, NULL) \
         ON CONFLICT (account_id, region, kind, cloud_id) DO UPDATE SET \
           name = EXCLUDED.name, parent_id = EXCLUDED.parent_id, state = EXCLUDED.state, \
           raw_state = EXCLUDED.raw_state, reason = EXCLUDED.reason, facets = EXCLUDED.facets, \
           attrs = EXCLUDED.attrs, raw = EXCLUDED.raw, site_key = EXCLUDED.site_key, \
           last_seen_at = EXCLUDED.last_seen_at, changed_at = EXCLUDED.changed_at, \
           state_since = EXCLUDED.state_since, generation = EXCLUDED.generation, gone_at = NULL",
    )
    .bind(k.account_id)
    .bind(k.region)
    .bind(k.kind.as_str())
    .bind(&item.cloud_id)
    .bind(&item.name)
    .bind(&item.parent_id)
    .bind(item.state.state.as_str())
    .bind(&item.state.raw)
    .bind(&item.state.reason)
    .bind(Json(&item.facets))
    .bind(attrs)
    .bind(redact(cloud, item.raw.clone()))
    .bind(item.spec.site_key())
    .bind(k.now)
    .bind(changed_at)
    .bind(state_since)
    .bind(k.generation)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
