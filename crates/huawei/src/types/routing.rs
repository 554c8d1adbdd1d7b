//! Gateway routing table: BGP-learned and static routes (spec §3.3).

use super::common::{Extra, PageInfo};
use super::lenient;
use serde::{Deserialize, Serialize};

/// One route of `GET /v5/{p}/vpn-gateways/{vgw_id}/routing-table`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RouteEntry {
    pub destination: Option<String>,
    pub nexthop: Option<String>,
    pub outbound_interface_ip: Option<String>,
    /// BGP origin: `igp`, `egp`, `incomplete`.
    pub origin: Option<String>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub as_path: Option<String>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub med: Option<i64>,
    pub nexthop_resource: Option<NexthopResource>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `{id, type}` with `type` ∈ `vpn_gateway`, `vpn_connection`, `er`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct NexthopResource {
    pub id: Option<String>,
    #[serde(rename = "type")]
    pub resource_type: Option<String>,
}

/// Routing-table page.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RoutingTableResponse {
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub routing_table: Vec<RouteEntry>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub total_count: Option<i64>,
    pub page_info: Option<PageInfo>,
    pub request_id: Option<String>,
}
