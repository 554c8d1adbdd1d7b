//! History: what changed — state transitions of tunnels, BGP sessions and health checks, and
//! configuration changes (added, removed, fields changed) — over a chosen window.

use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Windows the page offers: (URL value, hours, label).
pub const WINDOWS: [(&str, i64, &str); 4] = [
    ("1h", 1, "last hour"),
    ("24h", 24, "last 24 hours"),
    ("7d", 168, "last 7 days"),
    ("30d", 720, "last 30 days"),
];

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryEvent {
    pub at: DateTime<Utc>,
    pub cloud: String,
    pub account: String,
    pub region: String,
    pub kind: String,
    pub name: String,
    /// "state" or "config".
    pub what: String,
    /// For state: "IKE down → up"; for config: "added", "removed" or the changed fields.
    pub summary: String,
    pub detail: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryView {
    pub events: Vec<HistoryEvent>,
    pub since: DateTime<Utc>,
    /// True when more events exist than shown.
    pub truncated: bool,
}

#[server(endpoint = "history")]
pub async fn get_history(
    #[server(default)] window: Option<String>,
    #[server(default)] what: Option<String>,
) -> Result<HistoryView, AppError> {
    let (state, _) = crate::access::guard::require(crate::access::Role::Viewer, "read").await?;
    crate::api::history_sql::history(&state.pool, window, what, Utc::now()).await
}
