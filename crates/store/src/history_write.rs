//! The history rows a write records inside its transaction: config changes and state
//! transitions (read back and pruned by [`crate::history`]). They are collected while the
//! snapshots are compared and inserted with one statement per table, for every kind of the
//! write at once, because a first sync adds thousands of resources at once and a
//! row-per-statement insert made the writer, not the cloud, the slow part of a sync.

use crate::compare::Comparison;
use crate::diff::FieldChange;
use crate::model::ResourceKind;
use crate::Result;
use chrono::{DateTime, Utc};
use sqlx::types::Json;
use sqlx::{Postgres, Transaction};
use uuid::Uuid;

/// The (account, region, time) every row of one write shares.
pub(crate) struct Key<'a> {
    pub account_id: Uuid,
    pub region: &'a str,
    pub now: DateTime<Utc>,
}

/// The history rows of one write, column by column (the shape `UNNEST` takes); each row
/// carries the kind and generation of the snapshot it belongs to.
#[derive(Debug, Default)]
pub(crate) struct History {
    /// The snapshot rows are queued for now: (kind, generation).
    current: (&'static str, i64),
    change_kinds: Vec<&'static str>,
    change_gens: Vec<i64>,
    change_ids: Vec<String>,
    changes: Vec<&'static str>,
    fields: Vec<Json<Vec<FieldChange>>>,
    t_kinds: Vec<&'static str>,
    t_gens: Vec<i64>,
    t_ids: Vec<String>,
    facets: Vec<&'static str>,
    old_states: Vec<Option<&'static str>>,
    new_states: Vec<&'static str>,
    old_raws: Vec<Option<String>>,
    new_raws: Vec<Option<String>>,
    reasons: Vec<Option<String>>,
}

impl History {
    /// Rows queued from now on belong to the snapshot of `kind` under `generation`.
    pub fn scope(&mut self, kind: ResourceKind, generation: i64) {
        self.current = (kind.as_str(), generation);
    }

    /// Queues what one compared item adds to the history.
    pub fn record(&mut self, cloud_id: &str, cmp: &Comparison) {
        if cmp.added {
            self.change(cloud_id, "added", Vec::new());
        } else if !cmp.config.is_empty() {
            self.change(cloud_id, "changed", cmp.config.clone());
        }
        for t in &cmp.transitions {
            let old = t.old.as_ref();
            self.t_kinds.push(self.current.0);
            self.t_gens.push(self.current.1);
            self.t_ids.push(cloud_id.to_owned());
            self.facets.push(t.facet_str());
            self.old_states.push(old.map(|o| o.state.as_str()));
            self.new_states.push(t.new.state.as_str());
            self.old_raws.push(old.and_then(|o| o.raw.clone()));
            self.new_raws.push(t.new.raw.clone());
            self.reasons.push(t.new.reason.clone());
        }
    }

    /// Queues a config change (`added`, `changed` or `removed`).
    pub fn change(&mut self, cloud_id: &str, change: &'static str, fields: Vec<FieldChange>) {
        self.change_kinds.push(self.current.0);
        self.change_gens.push(self.current.1);
        self.change_ids.push(cloud_id.to_owned());
        self.changes.push(change);
        self.fields.push(Json(fields));
    }

    /// Inserts everything queued. `ORDER BY ord` keeps the ids in queue order, so rows of one
    /// resource read back (`ORDER BY at, id`) in the order they were compared.
    pub async fn insert(self, tx: &mut Transaction<'_, Postgres>, k: &Key<'_>) -> Result<()> {
        if !self.change_ids.is_empty() {
            sqlx::query(
                "INSERT INTO config_change (account_id, region, kind, cloud_id, generation, at, \
                 change, fields) \
                 SELECT $1, $2, u.kind, u.cloud_id, u.generation, $3, u.change, u.fields \
                 FROM UNNEST($4::text[], $5::bigint[], $6::text[], $7::text[], $8::jsonb[]) \
                   WITH ORDINALITY AS u(kind, generation, cloud_id, change, fields, ord) \
                 ORDER BY u.ord",
            )
            .bind(k.account_id)
            .bind(k.region)
            .bind(k.now)
            .bind(&self.change_kinds)
            .bind(&self.change_gens)
            .bind(&self.change_ids)
            .bind(&self.changes)
            .bind(&self.fields)
            .execute(&mut **tx)
            .await?;
        }
        if !self.t_ids.is_empty() {
            sqlx::query(
                "INSERT INTO state_transition (account_id, region, kind, cloud_id, facet, at, \
                 old_state, new_state, old_raw, new_raw, reason, generation) \
                 SELECT $1, $2, u.kind, u.cloud_id, u.facet, $3, u.old_state, u.new_state, \
                   u.old_raw, u.new_raw, u.reason, u.generation \
                 FROM UNNEST($4::text[], $5::bigint[], $6::text[], $7::text[], $8::text[], \
                   $9::text[], $10::text[], $11::text[], $12::text[]) WITH ORDINALITY \
                   AS u(kind, generation, cloud_id, facet, old_state, new_state, old_raw, \
                   new_raw, reason, ord) \
                 ORDER BY u.ord",
            )
            .bind(k.account_id)
            .bind(k.region)
            .bind(k.now)
            .bind(&self.t_kinds)
            .bind(&self.t_gens)
            .bind(&self.t_ids)
            .bind(&self.facets)
            .bind(&self.old_states)
            .bind(&self.new_states)
            .bind(&self.old_raws)
            .bind(&self.new_raws)
            .bind(&self.reasons)
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }
}
