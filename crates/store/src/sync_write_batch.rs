//! The resource rows of one write (every kind of it at once), in bulk: every new or changed
//! row in one `INSERT … SELECT FROM UNNEST … ON CONFLICT DO UPDATE`, and the missing ones
//! marked gone in one `UPDATE`; each row carries its snapshot's kind and generation. A row
//! seen again exactly as stored is not written (see the `resource_presence` migration). A
//! first sync of a region writes thousands of rows; one statement per row made the database,
//! not the cloud, the slow part of a sync.

use crate::history_write::Key;
use crate::model::{Facet, ResourceItem, ResourceKind, StateValue};
use crate::Result;
use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::types::Json;
use sqlx::{Postgres, Transaction};
use std::collections::{BTreeMap, HashSet};

/// What one item's row will hold, beyond what the item itself carries.
pub(super) struct Written {
    pub attrs: Value,
    /// The payload with secrets already removed.
    pub raw: Value,
    pub site_key: Option<String>,
    pub state_since: DateTime<Utc>,
    pub changed_at: DateTime<Utc>,
}

/// Rows to upsert, column by column (the shape `UNNEST` takes).
#[derive(Debug, Default)]
pub(super) struct Rows {
    /// The snapshot rows are queued for now: (kind, generation).
    current: (&'static str, i64),
    kinds: Vec<&'static str>,
    gens: Vec<i64>,
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
    /// Kinds with a row queued for more than its running counters.
    shown: HashSet<&'static str>,
}

impl Rows {
    /// Rows queued from now on belong to the snapshot of `kind` under `generation`.
    pub fn scope(&mut self, kind: ResourceKind, generation: i64) {
        self.current = (kind.as_str(), generation);
    }

    /// Queues a full write of `item`'s row; `shown` unless only its running counters moved.
    pub fn upsert(&mut self, item: ResourceItem, w: Written, shown: bool) {
        if shown {
            self.shown.insert(self.current.0);
        }
        self.kinds.push(self.current.0);
        self.gens.push(self.current.1);
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

    /// The kinds with a row queued for more than its running counters: what readers of
    /// those kinds' rows can see moved.
    pub fn shown_kinds(&self) -> HashSet<&'static str> {
        self.shown.clone()
    }

    /// Writes everything queued.
    pub async fn write(self, tx: &mut Transaction<'_, Postgres>, k: &Key<'_>) -> Result<()> {
        if !self.ids.is_empty() {
            sqlx::query(
                "INSERT INTO resource (account_id, region, kind, cloud_id, name, parent_id, \
                   state, raw_state, reason, facets, attrs, raw, site_key, first_seen_at, \
                   last_seen_at, changed_at, state_since, generation, gone_at) \
                 SELECT $1, $2, u.kind, u.cloud_id, u.name, u.parent_id, u.state, \
                   u.raw_state, u.reason, u.facets, u.attrs, u.raw, u.site_key, $3, $3, \
                   u.changed_at, u.state_since, u.generation, NULL \
                 FROM UNNEST($4::text[], $5::bigint[], $6::text[], $7::text[], $8::text[], \
                   $9::text[], $10::text[], $11::text[], $12::jsonb[], $13::jsonb[], \
                   $14::jsonb[], $15::text[], $16::timestamptz[], $17::timestamptz[]) \
                   AS u(kind, generation, cloud_id, name, parent_id, state, raw_state, reason, \
                   facets, attrs, raw, site_key, changed_at, state_since) \
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
            .bind(k.now)
            .bind(&self.kinds)
            .bind(&self.gens)
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
        Ok(())
    }
}

/// Present rows a write found missing from their snapshots, column by column.
#[derive(Debug, Default)]
pub(super) struct Missing {
    kinds: Vec<&'static str>,
    ids: Vec<String>,
    generations: Vec<i64>,
    /// When each one's key last committed a snapshot (the last time the row was seen).
    seen: Vec<Option<DateTime<Utc>>>,
}

impl Missing {
    /// Queues `cloud_id`, absent from the snapshot of `kind` committing `generation`.
    pub fn push(
        &mut self,
        kind: ResourceKind,
        cloud_id: String,
        generation: i64,
        seen: Option<DateTime<Utc>>,
    ) {
        self.kinds.push(kind.as_str());
        self.ids.push(cloud_id);
        self.generations.push(generation);
        self.seen.push(seen);
    }
}

/// Marks gone every row in `missing` that is still present; returns their (kind, id). A gone
/// row keeps the generation and time it was last seen in, as it did when every present row
/// carried them.
pub(super) async fn mark_gone(
    tx: &mut Transaction<'_, Postgres>,
    k: &Key<'_>,
    missing: Missing,
) -> Result<Vec<(String, String)>> {
    if missing.ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(sqlx::query_as(
        "UPDATE resource r SET gone_at = $3, changed_at = $3, generation = u.generation - 1, \
           last_seen_at = coalesce(u.seen, r.last_seen_at) \
         FROM UNNEST($4::text[], $5::text[], $6::bigint[], $7::timestamptz[]) \
           AS u(kind, id, generation, seen) \
         WHERE r.account_id = $1 AND r.region = $2 AND r.kind = u.kind AND r.cloud_id = u.id \
           AND r.gone_at IS NULL RETURNING r.kind, r.cloud_id",
    )
    .bind(k.account_id)
    .bind(k.region)
    .bind(k.now)
    .bind(&missing.kinds)
    .bind(&missing.ids)
    .bind(&missing.generations)
    .bind(&missing.seen)
    .fetch_all(&mut **tx)
    .await?)
}
