//! VPN connections, i.e. one IPsec tunnel each (spec §3.7), with IKE/IPsec policies, policy
//! rules and the BGP peer state.

use super::common::{Extra, PageInfo, Tag, Timestamp};
use super::lenient;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A pre-shared key. `Debug` never prints it; the service never returns it in responses.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Psk(pub String);

impl fmt::Debug for Psk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Psk([REDACTED])")
    }
}

/// A VPN connection. `status` ∈ ACTIVE, DOWN, ERROR, PENDING_*, FREEZED, UNKNOWN;
/// `style` is upper-case in responses (STATIC, POLICY, BGP, POLICY-TEMPLATE).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct VpnConnection {
    pub id: String,
    pub name: Option<String>,
    pub status: Option<String>,
    pub vgw_id: Option<String>,
    /// EIP id (public gateway) or private IP (private gateway) terminating this tunnel.
    pub vgw_ip: Option<String>,
    pub style: Option<String>,
    pub cgw_id: Option<String>,
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub peer_subnets: Vec<String>,
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub peer_subnets_v6: Vec<String>,
    pub tunnel_local_address: Option<String>,
    pub tunnel_peer_address: Option<String>,
    #[serde(deserialize_with = "lenient::opt_bool")]
    pub enable_nqa: Option<bool>,
    #[serde(deserialize_with = "lenient::opt_bool")]
    pub enable_hub: Option<bool>,
    #[serde(deserialize_with = "lenient::opt_bool")]
    pub enable_health_check: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub psk: Option<Psk>,
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub policy_rules: Vec<PolicyRule>,
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub policy_rules_v6: Vec<PolicyRule>,
    pub ikepolicy: Option<IkePolicy>,
    pub ipsecpolicy: Option<IpsecPolicy>,
    pub created_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
    pub enterprise_project_id: Option<String>,
    pub connection_monitor_id: Option<String>,
    pub ha_role: Option<String>,
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub tags: Vec<Tag>,
    pub bgp_peer: Option<BgpPeer>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Policy-based selector: one local CIDR to many remote CIDRs.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PolicyRule {
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub rule_index: Option<i64>,
    pub source: Option<String>,
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub destination: Vec<String>,
}

/// IKE (phase 1) parameters (spec §3.1 IkePolicy). Tokens are kept raw (`v2`, `sha2-256`…).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct IkePolicy {
    pub ike_version: Option<String>,
    pub phase1_negotiation_mode: Option<String>,
    pub authentication_algorithm: Option<String>,
    pub encryption_algorithm: Option<String>,
    pub dh_group: Option<String>,
    pub authentication_method: Option<String>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub lifetime_seconds: Option<i64>,
    pub local_id_type: Option<String>,
    pub local_id: Option<String>,
    pub peer_id_type: Option<String>,
    pub peer_id: Option<String>,
    pub dpd: Option<Dpd>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Dead-peer detection settings.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Dpd {
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub timeout: Option<i64>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub interval: Option<i64>,
    pub msg: Option<String>,
}

/// IPsec (phase 2) parameters (spec §3.1 IpsecPolicy).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct IpsecPolicy {
    pub authentication_algorithm: Option<String>,
    pub encryption_algorithm: Option<String>,
    pub pfs: Option<String>,
    pub transform_protocol: Option<String>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub lifetime_seconds: Option<i64>,
    pub encapsulation_mode: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Live BGP session (show response only). `state` is e.g. `established`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct BgpPeer {
    pub peer_ip_address: Option<String>,
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub peer_asn: Option<u64>,
    pub state: Option<String>,
    /// Compact duration such as `3d01h34m24s` (spec §2.5).
    pub state_duration: Option<String>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub num_received_routes: Option<i64>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub num_message_received: Option<i64>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub num_message_sent: Option<i64>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ShowVpnConnectionResponse {
    pub vpn_connection: VpnConnection,
    pub request_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ListVpnConnectionsResponse {
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub vpn_connections: Vec<VpnConnection>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub total_count: Option<i64>,
    pub page_info: Option<PageInfo>,
    pub request_id: Option<String>,
}

/// One IKE/IPsec negotiation log line; `time` is Unix seconds (spec §2.5).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ConnectionLog {
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub time: Option<i64>,
    pub raw_message: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ConnectionLogsResponse {
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub logs: Vec<ConnectionLog>,
    pub request_id: Option<String>,
}
