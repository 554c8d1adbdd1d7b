//! One BGP peer in the looking glass: the session, the prefixes learned from and advertised
//! to the peer (from the stored route rows and what the session itself reports), and its
//! prefix counts over a window, for the chart.

use super::bgp::BgpRow;
use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Filters, exactly as they appear in the URL's query string.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerQuery {
    /// Cloud id of the BGP session.
    pub id: String,
    /// Chart window, one of [`crate::api::history::WINDOWS`] (default 24h).
    pub window: Option<String>,
    /// `learned` or `advertised`; both when empty.
    pub dir: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PeerPrefix {
    /// `learned` (from the peer) or `advertised` (to the peer).
    pub direction: String,
    pub destination: String,
    pub next_hop: Option<String>,
    pub as_path: Option<String>,
    pub med: Option<i64>,
    /// State of the route row; the session's own state for prefixes only it reports.
    pub state: String,
    /// `route table` when a stored route row backs it, `session` when only the session
    /// reports it.
    pub source: String,
}

/// Prefix counts from `at` on (a step: they hold until the next point).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrefixPoint {
    pub at: DateTime<Utc>,
    pub advertised: i64,
    pub learned: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PeerView {
    pub session: BgpRow,
    pub prefixes: Vec<PeerPrefix>,
    /// Prefixes before the direction filter, per direction: (learned, advertised).
    pub totals: (usize, usize),
    pub samples: Vec<PrefixPoint>,
    pub since: DateTime<Utc>,
    /// Last successful sync of the region's BGP sessions.
    pub as_of: Option<DateTime<Utc>>,
    pub generated_at: DateTime<Utc>,
}

#[server(endpoint = "bgp/peer")]
pub async fn get_bgp_peer(#[server(default)] query: PeerQuery) -> Result<PeerView, AppError> {
    let (state, _) = crate::access::guard::require(crate::access::Role::Viewer, "read").await?;
    crate::api::bgp_peer_sql::peer(&state.pool, &query, Utc::now()).await
}
