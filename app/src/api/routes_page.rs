//! Routes: every route source in one table, the conflict report, and "which path carries IP
//! x". The server functions are thin adapters over [`crate::api::routes_sql`]; the analysis
//! itself (the `routes` crate) runs on the server only, so only these wire types reach the
//! browser.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub const PAGE_SIZE: i64 = 100;

/// The store's route sources: (URL token, label).
pub const SOURCES: [(&str, &str); 7] = [
    ("vpc_route_entry", "VPC route entry"),
    ("vpn_destination", "VPN destination route"),
    ("vpn_policy", "VPN policy route"),
    ("bgp_network", "BGP network"),
    ("bgp_learned", "BGP learned"),
    ("huawei_connection", "Huawei connection route"),
    ("huawei_gateway", "Huawei gateway route"),
];

/// Label of a source token (the token itself when unknown).
pub fn source_label(token: &str) -> String {
    SOURCES
        .iter()
        .find(|(t, _)| *t == token)
        .map(|(_, l)| l.to_string())
        .unwrap_or_else(|| token.to_string())
}

/// Route filters, exactly as they appear in the URL's query string.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteQuery {
    pub cloud: Option<String>,
    pub account: Option<String>,
    pub region: Option<String>,
    pub source: Option<String>,
    /// Free text over destination, table and next hop.
    pub dest: Option<String>,
    /// 1-based.
    pub page: Option<i64>,
}

impl RouteQuery {
    /// The query string with `page` replaced (empty fields left out).
    pub fn to_query_string(&self, page: Option<i64>) -> String {
        crate::url::query_string([
            ("cloud", self.cloud.clone()),
            ("account", self.account.clone()),
            ("region", self.region.clone()),
            ("source", self.source.clone()),
            ("dest", self.dest.clone()),
            ("page", page.map(|p| p.to_string())),
        ])
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RouteRow {
    pub cloud: String,
    pub account: String,
    pub region: String,
    pub table: String,
    pub destination: String,
    pub source: String,
    pub next_hop: Option<String>,
    pub next_hop_type: Option<String>,
    pub weight: Option<u32>,
    pub published: Option<bool>,
    pub state: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoutePage {
    pub rows: Vec<RouteRow>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    pub accounts: Vec<String>,
    pub regions: Vec<String>,
}

/// One finding of the conflict report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FindingRow {
    /// `error`, `warning`, `info`.
    pub severity: String,
    /// Rule token (`on_prem_conflict`, `shadowed_route`, …).
    pub kind: String,
    /// The explanation sentence(s).
    pub message: String,
    /// Ids of the objects involved.
    pub objects: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConflictReport {
    pub findings: Vec<FindingRow>,
    /// Routes that went into the analysis.
    pub routes: usize,
    /// (what, count) left out because a CIDR did not parse.
    pub skipped: Vec<(String, usize)>,
    /// The VPCs a trace can start from (the lookup form suggests them), from the same
    /// inventory as the findings.
    pub vpcs: Vec<VpcChoice>,
}

/// A VPC a trace can start from: each Alibaba VPC, and each Huawei VPC the inventory knows
/// as a VPN gateway's attachment (Huawei's VPN API lists no VPCs).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VpcChoice {
    pub id: String,
    pub label: String,
}

/// One hop of a trace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HopRow {
    /// Hop kind token (`vpc_route_table`, `connection`, `customer_gateway`, …).
    pub kind: String,
    pub id: String,
    /// The matched route's destination, at table hops.
    pub matched: Option<String>,
    /// Why this hop: why the route won, the tunnel choice, the site.
    pub why: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TraceResult {
    pub ip: String,
    pub vpc: Option<String>,
    pub hops: Vec<HopRow>,
    /// Whether the packet reached a site, line, instance or local delivery.
    pub delivered: bool,
    /// How the lookup ended, as a sentence.
    pub outcome: String,
}

/// Readable label of a snake_case token (`shadowed_route` → "Shadowed route").
pub fn token_label(token: &str) -> String {
    let mut s = token.replace('_', " ");
    if let Some(first) = s.get(0..1) {
        s.replace_range(0..1, &first.to_uppercase());
    }
    s
}

#[server(endpoint = "routes")]
pub async fn list_routes(#[server(default)] query: RouteQuery) -> Result<RoutePage, AppError> {
    let (state, _) = crate::access::guard::require(crate::access::Role::Viewer, "read").await?;
    crate::api::routes_sql::page(&state.pool, &query).await
}

#[server(endpoint = "route_conflicts")]
pub async fn route_conflicts() -> Result<ConflictReport, AppError> {
    let (state, _) = crate::access::guard::require(crate::access::Role::Viewer, "read").await?;
    crate::api::routes_sql::conflicts(&state.pool).await
}

#[server(endpoint = "trace_ip")]
pub async fn trace_ip(ip: String, vpc: Option<String>) -> Result<TraceResult, AppError> {
    let (state, _) = crate::access::guard::require(crate::access::Role::Viewer, "read").await?;
    crate::api::routes_sql::trace(&state.pool, &ip, vpc.as_deref()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_string_keeps_set_fields_and_labels_read_well() {
        let q = RouteQuery {
            source: Some("vpn_destination".into()),
            dest: Some("10.0.0.0/8".into()),
            ..Default::default()
        };
        assert_eq!(
            q.to_query_string(Some(2)),
            "source=vpn_destination&dest=10.0.0.0%2F8&page=2"
        );
        assert_eq!(token_label("shadowed_route"), "Shadowed route");
        assert_eq!(source_label("bgp_learned"), "BGP learned");
    }
}
