//! The NOC wall: what a token's scope may see, worst first, for a big screen nobody signs in
//! to. The token is the only credential; it is checked on every call (a revoked token stops
//! working at the next refresh).

use crate::api::overview::{RecentChange, RegionRollup};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SiteTile {
    pub site: String,
    pub clouds: Vec<String>,
    pub tunnels_up: i64,
    pub tunnels: i64,
    /// A state of this site's tunnels changed in the last 30 minutes.
    pub recent_change: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WallView {
    /// The token's name ("NOC left screen").
    pub title: String,
    pub scope: String,
    pub sites: Vec<SiteTile>,
    pub regions: Vec<RegionRollup>,
    /// The last 30 minutes of state changes in scope, newest first.
    pub changes: Vec<RecentChange>,
    pub as_of: Option<DateTime<Utc>>,
    pub next_refresh: Option<DateTime<Utc>>,
    /// Why the data may be old (throttling, failing syncs), when it is.
    pub stale: Option<String>,
    pub generated_at: DateTime<Utc>,
}

#[server(endpoint = "wall/view")]
pub async fn get_wall(token: String) -> Result<WallView, AppError> {
    let app = expect_context::<crate::state::AppState>();
    let view = crate::api::wall_sql::view(&app.pool, &token, Utc::now()).await;
    if let Err(e) = &view {
        crate::error::set_response_status(e);
    }
    view
}
