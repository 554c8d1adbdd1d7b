//! The overview: connection and BGP health rolled up per account and region (worst first), per
//! site across clouds, the latest state changes, data freshness and sync progress.

use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// States of a set of resources.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateCounts {
    pub up: i64,
    pub partial: i64,
    pub down: i64,
    /// Pending or unknown.
    pub other: i64,
}

impl StateCounts {
    pub fn total(&self) -> i64 {
        self.up + self.partial + self.down + self.other
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegionRollup {
    pub cloud: String,
    pub account: String,
    pub region: String,
    pub connections: StateCounts,
    pub bgp: StateCounts,
    pub last_success: Option<DateTime<Utc>>,
    pub stale: bool,
    /// "code: message" of the last failed sync, while it is the latest news.
    pub last_error: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SiteRollup {
    pub site: String,
    pub clouds: Vec<String>,
    pub tunnels_up: i64,
    pub tunnels: i64,
}

/// Read straight from its query's columns on the server (same names).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct RecentChange {
    pub at: DateTime<Utc>,
    pub cloud: String,
    pub account: String,
    pub region: String,
    pub kind: String,
    pub name: String,
    pub facet: String,
    pub old_state: Option<String>,
    pub new_state: String,
    pub reason: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SyncStatus {
    pub running: usize,
    pub queued: usize,
    pub succeeded: u64,
    pub failed: u64,
    pub calls: u64,
    pub throttled: u64,
    pub eta_secs: Option<f64>,
    pub last_error: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    pub regions: Vec<RegionRollup>,
    pub sites: Vec<SiteRollup>,
    pub changes: Vec<RecentChange>,
    pub sync: Option<SyncStatus>,
    /// The oldest successful sync among the regions shown: everything is at least this fresh.
    pub as_of: Option<DateTime<Utc>>,
    pub generated_at: DateTime<Utc>,
}

#[server(endpoint = "overview")]
pub async fn get_overview() -> Result<Overview, AppError> {
    let (state, _) = crate::access::guard::require(crate::access::Role::Viewer, "read").await?;
    let mut overview = crate::api::overview_sql::overview(&state.pool, Utc::now()).await?;
    overview.sync = state.services.sync.as_ref().map(|engine| {
        let p = engine.progress().borrow().clone();
        SyncStatus {
            running: p.running,
            queued: p.queued,
            succeeded: p.succeeded,
            failed: p.failed,
            calls: p.calls,
            throttled: p.throttled,
            eta_secs: p.eta_secs,
            last_error: p.last_error,
        }
    });
    Ok(overview)
}

/// "Refresh now": every sync job is due at once. Returns how many were scheduled.
#[server(endpoint = "sync/refresh")]
pub async fn refresh_now() -> Result<u64, AppError> {
    let (state, _) = crate::access::guard::require(crate::access::Role::Viewer, "read").await?;
    let engine = state
        .services
        .sync
        .as_ref()
        .ok_or_else(|| AppError::Unavailable("the sync engine is off on this server".into()))?;
    engine.refresh_now(None).await.map_err(|e| {
        tracing::error!(error = %e, "refresh now failed");
        AppError::Unavailable("the database does not answer".into())
    })
}
