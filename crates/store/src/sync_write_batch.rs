//! The resource rows of one snapshot, written in bulk: every new or changed row in one
//! `INSERT … SELECT FROM UNNEST … ON CONFLICT DO UPDATE`, every row seen again exactly as
//! stored in one `UPDATE` of its last-seen time and generation, and the missing ones marked
//! gone in one `UPDATE`. A first sync of a region writes thousands of rows; one statement per
//! row made the database, not the cloud, the slow part of a sync.

use crate::history_write::Key;
use crate::model::{Facet, ResourceItem, StateValue};
use crate::Result;
use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::types::Json;
use sqlx::{Postgres, Transaction};
use std::collections::BTreeMap;

/// What one item's row will hold, beyond what the item itself carries.
pub(super) struct Written {
    pub attrs: Value,
    /// The payload with secrets already removed.
    pub raw: Value,
    pub site_key: Option<String>,
    pub state_since: DateTime<Utc>,
    pub changed_at: DateTime<Utc>,
}

/// Rows to upsert, column by column (the shape `UNNEST` takes), and rows only to touch.
#[derive(Debug, Default)]
pub(super) struct Rows {
    ids: Vec<String>,
    names: Vec<Option<String>>,
    parents: Vec<Option<String>>,
    states: Vec<&'static str>,
    raw_states: Vec<Option<String>>,
    reasons: Vec<Option<String>>,
    facets: Vec<Json<BTreeMap<Facet, StateValue>>>,
    attrs: Vec<Value>,
    raws: Vec<Value>,
    site_keys: Vec<Option<String>>,
    changed_at: Vec<DateTime<Utc>>,
    state_since: Vec<DateTime<Utc>>,
    touched: Vec<String>,
}

impl Rows {
    /// Queues a full write of `item`'s row.
    pub fn upsert(&mut self, item: ResourceItem, w: Written) {
        self.ids.push(item.cloud_id);
        self.names.push(item.name);
        self.parents.push(item.parent_id);
        self.states.push(item.state.state.as_str());
        self.raw_states.push(item.state.raw);
        self.reasons.push(item.state.reason);
        self.facets.push(Json(item.facets));
        self.attrs.push(w.attrs);
        self.raws.push(w.raw);
        self.site_keys.push(w.site_key);
        self.changed_at.push(w.changed_at);
        self.state_since.push(w.state_since);
    }

    /// Queues a row whose stored columns already equal the item: only its last-seen time and
    /// generation move.
    pub fn touch(&mut self, cloud_id: String) {
        self.touched.push(cloud_id);
    }

    /// Writes everything queued. Must run before [`mark_gone`], which keys on the generation.
    pub async fn write(self, tx: &mut Transaction<'_, Postgres>, k: &Key<'_>) -> Result<()> {
        if !self.ids.is_empty() {
            sqlx::query(
                "INSERT INTO resource (account_id, region, kind, cloud_id, name, parent_id, \
                   state, raw_state, reason, facets, attrs, raw, site_key, first_seen_at, \
                   last_seen_at, changed_at, state_since, generation, gone_at) \
                 SELECT $1, $2, $3, u.cloud_id, u.name, u.parent_id, u.state, u.raw_state, \
                   u.reason, u.facets, u.attrs, u.raw, u.site_key, $4, $4, u.changed_at, \
                   u.state_since, $5, NULL \
                 FROM UNNEST($6::text[], $7::text[], $8::text[], $9::text[], $10::text[], \
                   $11::text[], $12::jsonb[], $13::jsonb[], $14::jsonb[], $15::text[], \
                   $16::timestamptz[], $17::timestamptz[]) \
                   AS u(cloud_id, name, parent_id, state, raw_state, reason, facets, attrs, \
                   raw, site_key, changed_at, state_since) \
                 ON CONFLICT (account_id, region, kind, cloud_id) DO UPDATE SET \
                   name = EXCLUDED.name, parent_id = EXCLUDED.parent_id, \
                   state = EXCLUDED.state, raw_state = EXCLUDED.raw_state, \
                   reason = EXCLUDED.reason, facets = EXCLUDED.facets, \
                   attrs = EXCLUDED.attrs, raw = EXCLUDED.raw, site_key = EXCLUDED.site_key, \
                   last_seen_at = EXCLUDED.last_seen_at, changed_at = EXCLUDED.changed_at, \
                   state_since = EXCLUDED.state_since, generation = EXCLUDED.generation, \
                   gone_at = NULL",
            )
            .bind(k.account_id)
            .bind(k.region)
            .bind(k.kind.as_str())
            .bind(k.now)
            .bind(k.generation)
            .bind(&self.ids)
            .bind(&self.names)
            .bind(&self.parents)
            .bind(&self.states)
            .bind(&self.raw_states)
            .bind(&self.reasons)
            .bind(&self.facets)
            .bind(&self.attrs)
            .bind(&self.raws)
            .bind(&self.site_keys)
            .bind(&self.changed_at)
            .bind(&self.state_since)
            .execute(&mut **tx)
            .await?;
        }
        if !self.touched.is_empty() {
            sqlx::query(
                "UPDATE resource SET last_seen_at = $4, generation = $5 \
                 WHERE account_id = $1 AND region = $2 AND kind = $3 AND cloud_id = ANY($6)",
            )
            .bind(k.account_id)
            .bind(k.region)
            .bind(k.kind.as_str())
            .bind(k.now)
            .bind(k.generation)
            .bind(&self.touched)
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }
}

/// Marks gone every present row of the key that this snapshot did not write; returns their ids.
pub(super) async fn mark_gone(
    tx: &mut Transaction<'_, Postgres>,
    k: &Key<'_>,
) -> Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "UPDATE resource SET gone_at = $4, changed_at = $4 \
         WHERE account_id = $1 AND region = $2 AND kind = $3 AND gone_at IS NULL \
           AND generation < $5 RETURNING cloud_id",
    )
    .bind(k.account_id)
    .bind(k.region)
    .bind(k.kind.as_str())
    .bind(k.now)
    .bind(k.generation)
    .fetch_all(&mut **tx)
    .await?)
}
