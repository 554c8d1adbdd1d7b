//! The BGP looking glass: every BGP session of both clouds (over VPN tunnels, connections and
//! VBRs), grouped established / not established, with ASNs, addresses, time in state, prefix
//! counts and flaps in the last 24 hours.

use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BgpRow {
    pub cloud: String,
    pub account: String,
    pub region: String,
    pub id: String,
    /// What the session runs over (tunnel, connection or VBR id).
    pub over: Option<String>,
    pub peer_ip: Option<String>,
    pub local_asn: Option<i64>,
    pub peer_asn: Option<i64>,
    pub state: String,
    pub raw_state: Option<String>,
    pub reason: Option<String>,
    pub state_since: DateTime<Utc>,
    /// Seconds in the current state, computed on the server (the browser has no clock of
    /// its own to trust, and WASM has no `std` clock).
    pub in_state_secs: i64,
    pub advertised: i64,
    pub learned: i64,
    pub flaps_24h: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BgpView {
    pub rows: Vec<BgpRow>,
    pub established: usize,
    pub not_established: usize,
}

#[server(endpoint = "bgp")]
pub async fn list_bgp_sessions(
    #[server(default)] state: Option<String>,
    #[server(default)] asn: Option<String>,
) -> Result<BgpView, AppError> {
    let app = expect_context::<crate::state::AppState>();
    crate::api::bgp_sql::sessions(&app.pool, state, asn, Utc::now()).await
}
