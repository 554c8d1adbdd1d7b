//! VPN gateway route entries (spec §3.5): destination-based (`DescribeVpnRouteEntries`)
//! and policy-based (`DescribeVpnPbrRouteEntries`). They have no ID; the gateway is called
//! `VpnInstanceId` and `NextHop` is the IPsec connection (`vco-…`).

use serde::{Deserialize, Serialize};

/// A destination-based route on a VPN gateway.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VpnRouteEntry {
    /// The VPN gateway ID.
    #[serde(rename = "VpnInstanceId", skip_serializing_if = "Option::is_none")]
    pub vpn_instance_id: Option<String>,
    /// `RouteDest`.
    #[serde(rename = "RouteDest", skip_serializing_if = "Option::is_none")]
    pub route_dest: Option<String>,
    /// IPsec connection ID.
    #[serde(rename = "NextHop", skip_serializing_if = "Option::is_none")]
    pub next_hop: Option<String>,
    /// `0` (standby) or `100` (preferred).
    #[serde(
        rename = "Weight",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub weight: Option<u32>,
    /// `published` or `normal`.
    #[serde(rename = "State", skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Epoch ms.
    #[serde(
        rename = "CreateTime",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<i64>,
    /// `OverlayMode`.
    #[serde(rename = "OverlayMode", skip_serializing_if = "Option::is_none")]
    pub overlay_mode: Option<String>,
    /// `Description`.
    #[serde(rename = "Description", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// A policy-based route on a VPN gateway.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VpnPbrRouteEntry {
    /// The VPN gateway ID.
    #[serde(rename = "VpnInstanceId", skip_serializing_if = "Option::is_none")]
    pub vpn_instance_id: Option<String>,
    /// `RouteSource`.
    #[serde(rename = "RouteSource", skip_serializing_if = "Option::is_none")]
    pub route_source: Option<String>,
    /// `RouteDest`.
    #[serde(rename = "RouteDest", skip_serializing_if = "Option::is_none")]
    pub route_dest: Option<String>,
    /// IPsec connection ID.
    #[serde(rename = "NextHop", skip_serializing_if = "Option::is_none")]
    pub next_hop: Option<String>,
    /// `0` or `100`.
    #[serde(
        rename = "Weight",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub weight: Option<u32>,
    /// `published` or `normal`.
    #[serde(rename = "State", skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Epoch ms.
    #[serde(
        rename = "CreateTime",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<i64>,
    /// `OverlayMode`.
    #[serde(rename = "OverlayMode", skip_serializing_if = "Option::is_none")]
    pub overlay_mode: Option<String>,
    /// `Description`.
    #[serde(rename = "Description", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

crate::list_of!(
    /// `VpnRouteEntries` container.
    VpnRouteEntrySet, "VpnRouteEntry", VpnRouteEntry
);

crate::list_of!(
    /// `VpnPbrRouteEntries` container.
    VpnPbrRouteEntrySet, "VpnPbrRouteEntry", VpnPbrRouteEntry
);

crate::paged!(
    /// Response of `DescribeVpnRouteEntries`.
    DescribeVpnRouteEntriesResponse, "DescribeVpnRouteEntries", "VpnRouteEntries",
    vpn_route_entries: VpnRouteEntrySet => VpnRouteEntry
);

crate::paged!(
    /// Response of `DescribeVpnPbrRouteEntries`.
    DescribeVpnPbrRouteEntriesResponse, "DescribeVpnPbrRouteEntries", "VpnPbrRouteEntries",
    vpn_pbr_route_entries: VpnPbrRouteEntrySet => VpnPbrRouteEntry
);
