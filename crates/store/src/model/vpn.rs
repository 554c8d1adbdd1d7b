//! VPN resources of the neutral model (spec `huawei.md` §5.2): gateways, customer gateways,
//! connections, tunnels, BGP sessions, health checks and SSL-VPN servers. States are not
//! here: they live on the row ([`crate::model::ResourceItem`]) so history can track them.

use serde::{Deserialize, Serialize};

/// A VPN gateway (Alibaba `VpnGateway`, Huawei `vpn_gateway` / P2C gateway).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VpnGateway {
    /// VPC the gateway serves.
    pub vpc_id: Option<String>,
    /// vSwitches / subnets of its interfaces.
    pub subnet_ids: Vec<String>,
    /// Transit attachment (Huawei Enterprise Router id), when not attached to a VPC.
    pub transit_router_id: Option<String>,
    /// Public endpoint addresses.
    pub public_ips: Vec<String>,
    /// Private endpoint addresses.
    pub private_ips: Vec<String>,
    /// Cloud-side ASN when BGP is enabled.
    pub local_asn: Option<u32>,
    /// Cloud-side prefixes.
    pub local_prefixes: Vec<String>,
    /// Size label (Alibaba `Spec`, Huawei `flavor`).
    pub size_label: Option<String>,
    /// HA mode (Huawei active-active / active-standby).
    pub ha_mode: Option<String>,
    /// Whether SSL-VPN / client VPN is enabled on it.
    pub ssl_vpn: bool,
    /// Creation time (RFC 3339) as reported.
    pub created_at: Option<String>,
    /// Tags.
    pub tags: Vec<(String, String)>,
}

/// A customer gateway.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomerGateway {
    /// Public IP (Alibaba `IpAddress`, Huawei `id_value` when `id_type=ip`).
    pub ip_address: Option<String>,
    /// FQDN identity (Huawei `id_type=fqdn`).
    pub fqdn: Option<String>,
    /// Peer ASN.
    pub asn: Option<u32>,
    /// Description.
    pub description: Option<String>,
    /// Tags.
    pub tags: Vec<(String, String)>,
}

/// How a connection routes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum Routing {
    /// Route-based with static on-prem prefixes.
    Static {
        /// On-prem prefixes.
        remote_prefixes: Vec<String>,
    },
    /// Policy-based selectors.
    Policy {
        /// Cloud-side selectors.
        local_prefixes: Vec<String>,
        /// On-prem selectors.
        remote_prefixes: Vec<String>,
    },
    /// BGP.
    Bgp {
        /// Cloud ASN.
        local_asn: Option<u32>,
        /// Peer ASN.
        peer_asn: Option<u32>,
        /// Inside-tunnel /30.
        tunnel_cidr: Option<String>,
        /// Cloud BGP address.
        local_ip: Option<String>,
        /// Peer BGP address.
        peer_ip: Option<String>,
    },
    /// Not reported.
    #[default]
    Unknown,
}

/// An IPsec connection (its tunnels are separate rows whose parent is the connection).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Connection {
    /// Cloud id of the VPN gateway.
    pub gateway_id: Option<String>,
    /// Which gateway address terminates it.
    pub gateway_endpoint: Option<String>,
    /// Cloud id of the customer gateway.
    pub customer_gateway_id: Option<String>,
    /// Routing mode and parameters.
    pub routing: Routing,
    /// IKE parameters, normalised tokens: version, mode, enc, auth, dh group, lifetime, ids.
    pub ike: serde_json::Map<String, serde_json::Value>,
    /// IPsec parameters.
    pub ipsec: serde_json::Map<String, serde_json::Value>,
    /// Dead peer detection enabled.
    pub dpd: Option<bool>,
    /// NAT traversal enabled.
    pub nat_traversal: Option<bool>,
    /// Number of tunnels (1 classic / Huawei, 2 Alibaba dual-tunnel).
    pub tunnel_count: u8,
    /// Creation time as reported.
    pub created_at: Option<String>,
}

/// One tunnel. Its row carries facets `ike`, `ipsec`, `health`, `bgp` with the cloud's text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Tunnel {
    /// Cloud id of the connection.
    pub connection_id: String,
    /// master / slave (Alibaba dual-tunnel), active / standby (Huawei `ha_role`).
    pub role: Option<String>,
    /// Cloud-side address.
    pub local_ip: Option<String>,
    /// Peer address.
    pub peer_ip: Option<String>,
    /// Zone of the cloud end.
    pub zone: Option<String>,
}

/// A BGP session (VPN tunnel or VBR peer).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BgpSession {
    /// Cloud id of what it runs over (tunnel, connection, VBR).
    pub over_id: Option<String>,
    /// Peer address.
    pub peer_ip: Option<String>,
    /// Local address.
    pub local_ip: Option<String>,
    /// Cloud ASN.
    pub local_asn: Option<u32>,
    /// Peer ASN.
    pub peer_asn: Option<u32>,
    /// Session up since (as reported).
    pub since: Option<String>,
    /// Prefixes the cloud advertises.
    pub advertised: Vec<String>,
    /// Prefixes learned from the peer.
    pub learned: Vec<String>,
    /// Count of received routes, when only a count is reported.
    pub received_count: Option<u64>,
}

/// A health check / connection monitor.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HealthCheck {
    /// Cloud id of the connection probed.
    pub connection_id: Option<String>,
    /// Probe source.
    pub source_ip: Option<String>,
    /// Probe destination.
    pub dest_ip: Option<String>,
    /// Protocol (ICMP).
    pub protocol: Option<String>,
    /// Interval in seconds.
    pub interval: Option<u32>,
    /// Retries before down.
    pub retry: Option<u32>,
}

/// An SSL-VPN server (Alibaba `SslVpnServer`, Huawei P2C `vpn_server`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SslVpnServer {
    /// Cloud id of the gateway.
    pub gateway_id: Option<String>,
    /// Client address pool.
    pub client_pool: Option<String>,
    /// Reachable prefixes.
    pub local_prefixes: Vec<String>,
    /// TCP / UDP.
    pub protocol: Option<String>,
    /// Port.
    pub port: Option<u32>,
    /// Cipher.
    pub cipher: Option<String>,
    /// Compression on.
    pub compress: Option<bool>,
    /// Connected clients.
    pub connections: Option<u32>,
    /// Client limit.
    pub max_connections: Option<u32>,
}
