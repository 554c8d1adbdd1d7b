//! One connection in full: its IKE / IPsec configuration (pre-shared key always redacted),
//! both tunnels with every facet, BGP sessions and health checks, the routes that send
//! traffic into it, and the timeline of its state changes.

use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Part {
    pub kind: String,
    pub id: String,
    pub name: Option<String>,
    pub state: String,
    pub raw_state: Option<String>,
    pub reason: Option<String>,
    pub since: DateTime<Utc>,
    /// Facet → state (ike, ipsec, health, bgp).
    pub facets: Vec<(String, String)>,
    /// Attribute name → value, flattened for display.
    pub attrs: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Transition {
    pub at: DateTime<Utc>,
    pub kind: String,
    pub id: String,
    pub facet: String,
    pub old_state: Option<String>,
    pub new_state: String,
    pub reason: Option<String>,
}

/// An Alibaba VPN route into the connection, with what an operator's controls need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VpnRoute {
    /// The route row's key (what the operator endpoints take).
    pub key: String,
    pub destination: String,
    /// Policy routes only.
    pub source_cidr: Option<String>,
    pub weight: Option<u32>,
    /// Advertised into the VPC's route table.
    pub published: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConnectionDetail {
    pub cloud: String,
    pub account: String,
    pub region: String,
    pub connection: Part,
    pub tunnels: Vec<Part>,
    pub bgp: Vec<Part>,
    pub health: Vec<Part>,
    /// Routes whose next hop is this connection: "destination (source, weight)".
    pub routes: Vec<String>,
    /// The Alibaba VPN routes among them (publish / weight controls for operators).
    pub vpn_routes: Vec<VpnRoute>,
    pub timeline: Vec<Transition>,
    /// State changes of the connection and its parts in the last 24 hours.
    pub flaps_24h: i64,
}

#[server(endpoint = "connection")]
pub async fn get_connection(id: String) -> Result<ConnectionDetail, AppError> {
    let (state, _) = crate::access::guard::require(crate::access::Role::Viewer, "read").await?;
    crate::api::connection_detail_sql::detail(&state.pool, &id, Utc::now()).await
}
