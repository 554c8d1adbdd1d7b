//! Network resources around the VPN: regions, VPCs, vSwitches, route tables, and the
//! Express Connect family (VBR, router interface, physical connection).

use serde::{Deserialize, Serialize};

/// A region visible to the account.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Region {
    /// Display name.
    pub local_name: Option<String>,
    /// Endpoint the cloud reports for it.
    pub endpoint: Option<String>,
}

/// A VPC.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Vpc {
    /// Primary and secondary CIDRs.
    pub cidrs: Vec<String>,
    /// VRouter id (Alibaba).
    pub vrouter_id: Option<String>,
    /// Default VPC.
    pub is_default: Option<bool>,
}

/// A vSwitch / subnet.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VSwitch {
    /// VPC.
    pub vpc_id: Option<String>,
    /// CIDR.
    pub cidr: Option<String>,
    /// Zone.
    pub zone: Option<String>,
    /// Route table it is bound to.
    pub route_table_id: Option<String>,
}

/// A route table (its entries are `Route` rows).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RouteTable {
    /// VPC.
    pub vpc_id: Option<String>,
    /// System / custom.
    pub table_type: Option<String>,
    /// vSwitches bound to it.
    pub vswitch_ids: Vec<String>,
}

/// A virtual border router.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Vbr {
    /// Physical connection under it.
    pub physical_connection_id: Option<String>,
    /// VLAN id.
    pub vlan_id: Option<u32>,
    /// Cloud-side interconnect address.
    pub local_ip: Option<String>,
    /// Customer-side interconnect address.
    pub peer_ip: Option<String>,
    /// Interconnect netmask.
    pub netmask: Option<String>,
    /// Route table id of the VBR.
    pub route_table_id: Option<String>,
}

/// A router interface (one end of a VPC↔VBR link).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RouterInterface {
    /// Initiating / accepting.
    pub role: Option<String>,
    /// Router it belongs to (VRouter or VBR).
    pub router_id: Option<String>,
    /// Router type.
    pub router_type: Option<String>,
    /// The other end's router.
    pub opposite_router_id: Option<String>,
    /// The other end's interface.
    pub opposite_interface_id: Option<String>,
    /// Spec label.
    pub spec: Option<String>,
}

/// A physical connection (leased line).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PhysicalConnection {
    /// Access point.
    pub access_point_id: Option<String>,
    /// Line operator.
    pub line_operator: Option<String>,
    /// Port type.
    pub port_type: Option<String>,
    /// Bandwidth in Mbps.
    pub bandwidth_mbps: Option<u64>,
    /// Peer location text.
    pub peer_location: Option<String>,
}
