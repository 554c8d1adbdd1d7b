//! History between two points in time ("what changed since yesterday 18:00"): resources
//! added, gone and changed (field old → new), and state changes, netted over the interval
//! from the stored config changes and state transitions. [`summarise`] is the pure part.

use crate::error::AppError;
use chrono::{DateTime, NaiveDateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Which resource, as the page names it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DiffResource {
    pub kind: String,
    pub cloud: String,
    pub account: String,
    pub region: String,
    pub id: String,
    pub name: Option<String>,
}

/// One recorded config change, oldest first (`added`, `removed` or `changed`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConfigEvent {
    pub resource: DiffResource,
    pub change: String,
    pub fields: Vec<FieldDiff>,
}

/// One recorded state transition, oldest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StateEvent {
    pub resource: DiffResource,
    pub facet: String,
    pub old_state: Option<String>,
    pub new_state: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldDiff {
    pub path: String,
    /// Display text; "—" for absent.
    pub old: String,
    pub new: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChangedResource {
    pub resource: DiffResource,
    pub fields: Vec<FieldDiff>,
}

/// A facet's state at the first instant and at the second, and how often it moved between.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StateChange {
    pub resource: DiffResource,
    pub facet: String,
    /// `None`: the facet did not exist yet.
    pub before: Option<String>,
    pub after: String,
    pub transitions: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DiffSummary {
    pub added: Vec<DiffResource>,
    pub gone: Vec<DiffResource>,
    pub changed: Vec<ChangedResource>,
    /// Net state changes first, then facets that moved and came back.
    pub states: Vec<StateChange>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryDiff {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub summary: DiffSummary,
    pub generated_at: DateTime<Utc>,
}

/// Nets the events of `(from, to]` (each list oldest first) into what differs between the
/// two instants. A resource added and removed in between differed at neither, so it is left
/// out; a field changed back to its old value likewise.
pub fn summarise(config: Vec<ConfigEvent>, states: Vec<StateEvent>) -> DiffSummary {
    let mut by_resource: BTreeMap<DiffResource, Vec<ConfigEvent>> = BTreeMap::new();
    for e in config {
        by_resource.entry(e.resource.clone()).or_default().push(e);
    }
    let mut out = DiffSummary::default();
    for (resource, events) in by_resource {
        let existed_before = events.first().is_some_and(|e| e.change != "added");
        let exists_after = events.last().is_some_and(|e| e.change != "removed");
        match (existed_before, exists_after) {
            (false, true) => out.added.push(resource),
            (true, false) => out.gone.push(resource),
            (false, false) => {}
            (true, true) => {
                // Per field: the oldest old value against the newest new one.
                let mut fields: BTreeMap<String, FieldDiff> = BTreeMap::new();
                for f in events.into_iter().flat_map(|e| e.fields) {
                    fields
                        .entry(f.path.clone())
                        .and_modify(|d| d.new = f.new.clone())
                        .or_insert(f);
                }
                let fields: Vec<FieldDiff> =
                    fields.into_values().filter(|f| f.old != f.new).collect();
                if !fields.is_empty() {
                    out.changed.push(ChangedResource { resource, fields });
                }
            }
        }
    }
    let mut by_facet: BTreeMap<(DiffResource, String), StateChange> = BTreeMap::new();
    for e in states {
        by_facet
            .entry((e.resource.clone(), e.facet.clone()))
            .and_modify(|s| {
                s.after = e.new_state.clone();
                s.transitions += 1;
            })
            .or_insert(StateChange {
                resource: e.resource,
                facet: e.facet,
                before: e.old_state,
                after: e.new_state,
                transitions: 1,
            });
    }
    out.states = by_facet.into_values().collect();
    let worst = |s: &str| {
        ["down", "partial", "pending", "unknown", "up"]
            .iter()
            .position(|x| *x == s)
    };
    out.states
        .sort_by_key(|s| (s.before.as_deref() == Some(&s.after), worst(&s.after)));
    out
}

/// `2026-11-25T18:00`, with optional seconds, a space instead of the `T`, or a full RFC 3339
/// time; times without an offset are UTC.
pub fn parse_instant(name: &str, text: &str) -> Result<DateTime<Utc>, AppError> {
    let t = text.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return Ok(dt.with_timezone(&Utc));
    }
    [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
    .map(|n| n.and_utc())
    .ok_or_else(|| {
        AppError::InvalidInput(format!(
            "{name} must be a time like 2026-11-25T18:00 (UTC), not {text:?}"
        ))
    })
}

#[server(endpoint = "history/diff")]
pub async fn get_history_diff(
    #[server(default)] from: Option<String>,
    #[server(default)] to: Option<String>,
) -> Result<HistoryDiff, AppError> {
    let (state, _) = crate::access::guard::require(crate::access::Role::Viewer, "read").await?;
    crate::api::history_diff_sql::diff(&state.pool, from, to, Utc::now()).await
}
