//! Route writes the dashboard performs (spec §3.5): `PublishVpnRouteEntry`,
//! `ModifyVpnRouteEntryWeight`, `ModifyVpnPbrRouteEntryWeight`. All carry a `ClientToken`
//! so a retried request cannot apply twice (§1.12).

use serde::{Deserialize, Serialize};

/// Response of a write that returns only `RequestId`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WriteResponse {
    /// `RequestId`.
    #[serde(rename = "RequestId", skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// `RouteType` of `PublishVpnRouteEntry`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VpnRouteType {
    /// Destination-based route.
    Dbr,
    /// Policy-based route.
    Pbr,
}

impl VpnRouteType {
    /// Wire value (`dbr`/`pbr`; the server compares case-insensitively, §3.5).
    pub fn as_str(self) -> &'static str {
        match self {
            VpnRouteType::Dbr => "dbr",
            VpnRouteType::Pbr => "pbr",
        }
    }
}

/// `PublishVpnRouteEntry`: publish (`publish_vpc = true`) or withdraw a VPN route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishVpnRouteEntry {
    /// Region.
    pub region_id: String,
    /// VPN gateway.
    pub vpn_gateway_id: String,
    /// Destination CIDR.
    pub route_dest: String,
    /// IPsec connection ID.
    pub next_hop: String,
    /// `dbr` or `pbr`.
    pub route_type: VpnRouteType,
    /// True = publish to the VPC, false = withdraw.
    pub publish_vpc: bool,
}

/// `ModifyVpnRouteEntryWeight` (destination route) or, with `route_source`,
/// `ModifyVpnPbrRouteEntryWeight` (policy route). `weight` must be the *current* weight,
/// because it is part of the route's identity (§3.5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModifyVpnRouteWeight {
    /// Region.
    pub region_id: String,
    /// VPN gateway.
    pub vpn_gateway_id: String,
    /// Source CIDR (policy routes only).
    pub route_source: Option<String>,
    /// Destination CIDR.
    pub route_dest: String,
    /// IPsec connection ID.
    pub next_hop: String,
    /// Current weight (0 or 100).
    pub weight: u32,
    /// New weight (0 or 100).
    pub new_weight: u32,
    /// `OverlayMode` (`Ipsec`), if the route has one.
    pub overlay_mode: Option<String>,
}

impl PublishVpnRouteEntry {
    /// Operation parameters without `ClientToken`.
    pub fn params(&self) -> Vec<(String, String)> {
        vec![
            ("RegionId".into(), self.region_id.clone()),
            ("VpnGatewayId".into(), self.vpn_gateway_id.clone()),
            ("RouteDest".into(), self.route_dest.clone()),
            ("NextHop".into(), self.next_hop.clone()),
            ("RouteType".into(), self.route_type.as_str().into()),
            ("PublishVpc".into(), self.publish_vpc.to_string()),
        ]
    }
}

impl ModifyVpnRouteWeight {
    /// The action: policy routes use `ModifyVpnPbrRouteEntryWeight`.
    pub fn action(&self) -> &'static str {
        if self.route_source.is_some() {
            "ModifyVpnPbrRouteEntryWeight"
        } else {
            "ModifyVpnRouteEntryWeight"
        }
    }

    /// Operation parameters without `ClientToken`.
    pub fn params(&self) -> Vec<(String, String)> {
        let mut p = vec![
            ("RegionId".into(), self.region_id.clone()),
            ("VpnGatewayId".into(), self.vpn_gateway_id.clone()),
            ("RouteDest".into(), self.route_dest.clone()),
            ("NextHop".into(), self.next_hop.clone()),
            ("Weight".into(), self.weight.to_string()),
            ("NewWeight".into(), self.new_weight.to_string()),
        ];
        if let Some(src) = &self.route_source {
            p.push(("RouteSource".into(), src.clone()));
        }
        if let Some(mode) = &self.overlay_mode {
            p.push(("OverlayMode".into(), mode.clone()));
        }
        p
    }
}
