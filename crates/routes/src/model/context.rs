//! Context objects the rules and the trace need besides routes: networks, gateways,
//! connections with their tunnels, customer gateways (the "sites"), VBRs and leased lines.
//!
//! Only the fields the analysis uses are here; the store keeps everything else.

use std::net::IpAddr;

use ipnet::IpNet;
use serde::{Deserialize, Serialize};

use crate::cidr::serde_fields;
use crate::model::route::Cloud;

/// A VPC (Alibaba VPC / Huawei VPC stub) with its CIDRs and route tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vpc {
    /// VPC id.
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// Primary + secondary CIDRs (Alibaba allows up to 3 user CIDRs, §5.9).
    #[serde(with = "serde_fields::cidr_list")]
    pub cidrs: Vec<IpNet>,
    /// Route tables of the VPC; the first one is the system table, where a trace starts.
    #[serde(default)]
    pub route_table_ids: Vec<String>,
}

/// A vSwitch / subnet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VSwitch {
    /// vSwitch id.
    pub id: String,
    /// Owning VPC.
    pub vpc_id: String,
    /// CIDR (must lie inside the VPC CIDR, §3.9).
    #[serde(with = "serde_fields::vswitch_cidr")]
    pub cidr: IpNet,
}

/// A site-to-site VPN gateway (its route table is the [`TableKind::VpnGateway`] /
/// [`TableKind::HuaweiGateway`] table with the same id).
///
/// [`TableKind::VpnGateway`]: crate::TableKind::VpnGateway
/// [`TableKind::HuaweiGateway`]: crate::TableKind::HuaweiGateway
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VpnGateway {
    /// Gateway id.
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// Cloud.
    pub cloud: Cloud,
    /// VPC the gateway serves (Alibaba `VpcId`, Huawei `vpc_id`), when known.
    pub vpc_id: Option<String>,
}

/// An SSL-VPN server (Alibaba §3.6) or Huawei P2C VPN server (huawei §3.10).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SslVpnServer {
    /// Server id (`vss-…`).
    pub id: String,
    /// Gateway the server runs on.
    pub gateway_id: String,
    /// `ClientIpPool` / `client_cidr`: addresses handed to clients.
    #[serde(with = "serde_fields::client_ip_pool")]
    pub client_ip_pool: IpNet,
    /// `LocalSubnet` / `local_subnets`: what clients may reach.
    #[serde(default, with = "serde_fields::cidr_list")]
    pub local_subnets: Vec<IpNet>,
}

/// Normalised tunnel state (huawei §5.3 "Tunnel state").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TunnelState {
    /// Passing traffic (`ipsec_sa_established` / `ACTIVE`).
    Up,
    /// Only phase 1 up (`ike_sa_established`): not passing traffic yet.
    Phase1Only,
    /// Down (`*_not_established` / `DOWN`).
    Down,
    /// Error (`ERROR`).
    Error,
    /// Provisioning transitions (`PENDING_*`).
    Transitional,
    /// Anything else.
    #[default]
    Unknown,
}

impl TunnelState {
    /// Can carry traffic now.
    pub fn is_up(self) -> bool {
        self == TunnelState::Up
    }

    /// Definitely not carrying traffic (as opposed to "we don't know").
    pub fn is_down(self) -> bool {
        matches!(self, TunnelState::Down | TunnelState::Error)
    }
}

/// One IPsec tunnel of a connection (Alibaba dual-tunnel connections have two, Huawei one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tunnel {
    /// Tunnel id (or the connection id for single-tunnel connections).
    pub id: String,
    /// State.
    pub state: TunnelState,
}

/// An IPsec connection between a VPN gateway and a customer gateway.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connection {
    /// Connection id (`vco-…` / Huawei UUID).
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// Cloud-side gateway.
    pub gateway_id: String,
    /// On-prem end.
    pub customer_gateway_id: String,
    /// Cloud-side selectors (`LocalSubnet`).
    #[serde(default, with = "serde_fields::cidr_list")]
    pub local_subnets: Vec<IpNet>,
    /// On-prem prefixes (`RemoteSubnet` / `peer_subnets`).
    #[serde(default, with = "serde_fields::cidr_list")]
    pub remote_subnets: Vec<IpNet>,
    /// Tunnels in preference order (master first).
    pub tunnels: Vec<Tunnel>,
}

impl Connection {
    /// First tunnel that is up, in preference order.
    pub fn active_tunnel(&self) -> Option<&Tunnel> {
        self.tunnels.iter().find(|t| t.state.is_up())
    }

    /// True when every tunnel is known to be down (no tunnels at all also counts).
    pub fn all_tunnels_down(&self) -> bool {
        self.tunnels.iter().all(|t| t.state.is_down())
    }
}

/// A customer gateway: the on-prem device, i.e. the "site".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerGateway {
    /// Id (`cgw-…`).
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Public IP (Alibaba `IpAddress`, Huawei `id_value` when `id_type=ip`).
    pub public_ip: Option<IpAddr>,
    /// BGP ASN.
    pub asn: Option<u32>,
    /// Human site name ("Shanghai DC"), from tags or naming convention.
    pub site: Option<String>,
}

/// Coarse state of a VBR or leased line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkState {
    /// In service (VBR `active`, line `Enabled`).
    Up,
    /// Not in service.
    Down,
    /// Unknown.
    #[default]
    Unknown,
}

/// A virtual border router (§3.13).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vbr {
    /// Id (`vbr-…`).
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: String,
    /// The VBR's route table.
    pub route_table_id: Option<String>,
    /// Leased line under the VBR.
    pub physical_connection_id: Option<String>,
    /// VPC-side router interfaces peered with this VBR (next hops `RouterInterface` resolve here).
    #[serde(default)]
    pub router_interface_ids: Vec<String>,
    /// State.
    #[serde(default)]
    pub state: LinkState,
}

/// A physical connection / leased line (§3.12).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhysicalConnection {
    /// Id (`pc-…`).
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: String,
    /// `PeerLocation`: where the line lands.
    #[serde(default)]
    pub peer_location: String,
    /// State.
    #[serde(default)]
    pub state: LinkState,
}
