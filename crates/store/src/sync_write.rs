//! Writing one complete snapshot of (account, region, kind) in ONE transaction: bump the
//! generation, upsert every item, mark the missing ones gone, and record state transitions
//! and config diffs. Readers (see [`crate::read`]) only see committed generations, so a sync
//! that fails half-way leaves the previous picture whole.
//!
//! The stored rows are read once and compared in Rust; the rows are then written in bulk
//! (see `sync_write_batch.rs`), a handful of statements per write whatever its size and
//! however many kinds it covers (see `sync_write_many.rs`).

use crate::compare::{compare, OldRow};
use crate::counters;
use crate::history_write::History;
use crate::model::{Cloud, Facet, ResourceItem, ResourceKind, StateValue};
use crate::{Error, Result};
use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::types::Json;
use sqlx::{PgPool, Postgres, Row, Transaction};
use std::collections::{BTreeMap, HashMap, HashSet};
use uuid::Uuid;

// Kept in its own file (declared here so the crate root stays as it is).
#[path = "sync_write_batch.rs"]
mod batch;
use batch::{Rows, Written};

#[path = "sync_write_many.rs"]
mod many;
pub use many::{apply_job, apply_snapshots, JobDone};

#[cfg(test)]
#[path = "sync_write_tests.rs"]
mod tests;

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

/// Upserts the complete list of `kind` resources of one account and region (one snapshot of
/// [`apply_snapshots`], which does the work).
pub async fn apply_snapshot(
    pool: &PgPool,
    account_id: Uuid,
    region: &str,
    kind: ResourceKind,
    items: Vec<ResourceItem>,
    now: DateTime<Utc>,
) -> Result<ApplyReport> {
    let mut reports = apply_snapshots(pool, account_id, region, vec![(kind, items)], now).await?;
    Ok(reports.pop().map(|(_, r)| r).unwrap_or_default())
}

/// Compares every item with its stored row: queues which rows to write and the history to
/// record (both already scoped to the snapshot), and returns the counts to report (all but
/// `gone` and `generation`). Each stored row an item matched is taken out of `old`, so what
/// is left there afterwards is what the snapshot no longer has.
fn plan(
    cloud: Cloud,
    old: &mut Existing,
    items: Vec<ResourceItem>,
    now: DateTime<Utc>,
    rows: &mut Rows,
    history: &mut History,
) -> Result<ApplyReport> {
    let mut report = ApplyReport::default();
    for mut item in items {
        let attrs = serde_json::to_value(&item.spec)?;
        let prev = old.remove(&item.cloud_id);
        let prev = prev.as_ref();
        let cmp = compare(prev.map(|s| &s.row), &item, &attrs);
        let (state_since, changed_at) = match prev {
            Some(s) => (
                if cmp.main_state_changed() {
                    now
                } else {
                    s.state_since
                },
                if cmp.is_change() || cmp.added {
                    now
                } else {
                    s.changed_at
                },
            ),
            None => (now, now),
        };
        history.record(&item.cloud_id, &cmp);
        report.transitions += cmp.transitions.len();
        if cmp.added {
            report.added += 1;
        } else if cmp.is_change() {
            report.changed += 1;
        } else {
            report.unchanged += 1;
        }
        let written = Written {
            attrs,
            raw: redact(cloud, std::mem::take(&mut item.raw)),
            site_key: item.spec.site_key(),
            state_since,
            changed_at,
        };
        // "Unchanged" above ignores counters and reasons; only a row equal in every stored
        // column (running counters aside, until they are due) is left as it is: its presence
        // is the key's new generation (see the `resource_presence` migration).
        match prev.map_or(Write::Full, |s| s.write_for(cloud, &item, &written, now)) {
            Write::Keep => {}
            Write::Counters => rows.upsert(item, written, false),
            Write::Full => rows.upsert(item, written, true),
        }
    }
    Ok(report)
}

/// A stored row: what [`compare`] needs, and the columns it does not look at.
struct Stored {
    row: OldRow,
    raw: Value,
    site_key: Option<String>,
    state_since: DateTime<Utc>,
    changed_at: DateTime<Utc>,
    /// When the row was last written (its `last_seen_at` column: a present row's is not
    /// moved by the snapshots that leave it as it is).
    written_at: DateTime<Utc>,
}

/// What becomes of a stored row when its item comes in again.
enum Write {
    /// Left as it is.
    Keep,
    /// Rewritten for its running counters alone (due for a refresh).
    Counters,
    /// Rewritten: something a reader can see moved.
    Full,
}

impl Stored {
    /// Whether the stored row may stand for `item` at `now`: it may when every column but
    /// last-seen time and generation would stay as it is, or only running counters would
    /// move and the stored ones are not yet due for a refresh.
    fn write_for(
        &self,
        cloud: Cloud,
        item: &ResourceItem,
        w: &Written,
        now: DateTime<Utc>,
    ) -> Write {
        let r = &self.row;
        let same_columns = !r.gone
            && r.name == item.name
            && r.parent_id == item.parent_id
            && r.state == item.state
            && r.facets == item.facets
            && self.site_key == w.site_key
            && self.state_since == w.state_since
            && self.changed_at == w.changed_at;
        if !same_columns {
            Write::Full
        } else if r.attrs == w.attrs && self.raw == w.raw {
            Write::Keep
        } else if !counters::differ_in_counters_only(
            cloud,
            &item.spec,
            (&r.attrs, &self.raw),
            (&w.attrs, &w.raw),
        ) {
            Write::Full
        } else if counters::refresh_due(&item.cloud_id, self.written_at, now) {
            Write::Counters
        } else {
            Write::Keep
        }
    }
}

type Existing = HashMap<String, Stored>;

/// The stored rows of every kind in `kinds`, per kind (one round trip for a job). Not locked
/// row by row: the caller already holds the kinds' `sync_generation` rows, which every writer
/// of these rows takes first, and this statement's snapshot starts after that lock was
/// granted, so it sees the last writer's commit. (`FOR UPDATE` here stamped a lock on every
/// stored row, a heap write per row on each hot cycle.)
async fn load_existing(
    tx: &mut Transaction<'_, Postgres>,
    account_id: Uuid,
    region: &str,
    kinds: &[&str],
) -> Result<HashMap<String, Existing>> {
    let rows = sqlx::query(
        "SELECT kind, cloud_id, name, parent_id, state, raw_state, reason, facets, attrs, raw, \
         site_key, gone_at, state_since, changed_at, last_seen_at FROM resource \
         WHERE account_id = $1 AND region = $2 AND kind = ANY($3)",
    )
    .bind(account_id)
    .bind(region)
    .bind(kinds)
    .fetch_all(&mut **tx)
    .await?;
    let mut out: HashMap<String, Existing> = HashMap::new();
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
        let stored = Stored {
            row,
            raw: r.try_get("raw")?,
            site_key: r.try_get("site_key")?,
            state_since: r.try_get("state_since")?,
            changed_at: r.try_get("changed_at")?,
            written_at: r.try_get("last_seen_at")?,
        };
        out.entry(r.try_get("kind")?)
            .or_default()
            .insert(r.try_get("cloud_id")?, stored);
    }
    Ok(out)
}
