//! Per-tunnel state of dual-tunnel IPsec connections: `TunnelOptionsSpecification`
//! [EXT: public API reference; the seeds do not document it (spec §7)], so every field is
//! optional and unknown fields are kept.

use crate::redact::Sensitive;
use crate::serde_util::StrBool;
use crate::types::connection_config::{IkeConfig, IpsecConfig};
use serde::{Deserialize, Serialize};

/// Per-tunnel BGP configuration and session state [EXT].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TunnelBgpConfig {
    /// `EnableBgp`.
    #[serde(rename = "EnableBgp", skip_serializing_if = "Option::is_none")]
    pub enable_bgp: Option<StrBool>,
    /// `LocalAsn`.
    #[serde(
        rename = "LocalAsn",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub local_asn: Option<u32>,
    /// `TunnelCidr`.
    #[serde(rename = "TunnelCidr", skip_serializing_if = "Option::is_none")]
    pub tunnel_cidr: Option<String>,
    /// `LocalBgpIp`.
    #[serde(rename = "LocalBgpIp", skip_serializing_if = "Option::is_none")]
    pub local_bgp_ip: Option<String>,
    /// `PeerAsn`.
    #[serde(
        rename = "PeerAsn",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub peer_asn: Option<u32>,
    /// `PeerBgpIp`.
    #[serde(rename = "PeerBgpIp", skip_serializing_if = "Option::is_none")]
    pub peer_bgp_ip: Option<String>,
    /// Session state.
    #[serde(rename = "BgpStatus", skip_serializing_if = "Option::is_none")]
    pub bgp_status: Option<String>,
    /// `AuthKey`.
    #[serde(rename = "AuthKey", skip_serializing_if = "Option::is_none")]
    pub auth_key: Option<Sensitive>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// One tunnel of a dual-tunnel connection [EXT].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TunnelOptions {
    /// `TunnelId`.
    #[serde(rename = "TunnelId", skip_serializing_if = "Option::is_none")]
    pub tunnel_id: Option<String>,
    /// `CustomerGatewayId`.
    #[serde(rename = "CustomerGatewayId", skip_serializing_if = "Option::is_none")]
    pub customer_gateway_id: Option<String>,
    /// `master`/`slave`.
    #[serde(rename = "Role", skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// `State`.
    #[serde(rename = "State", skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Same vocabulary as the connection status.
    #[serde(rename = "Status", skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `ZoneNo`.
    #[serde(rename = "ZoneNo", skip_serializing_if = "Option::is_none")]
    pub zone_no: Option<String>,
    /// `InternetIp`.
    #[serde(rename = "InternetIp", skip_serializing_if = "Option::is_none")]
    pub internet_ip: Option<String>,
    /// `EnableDpd`.
    #[serde(
        rename = "EnableDpd",
        deserialize_with = "crate::serde_util::bool_or_string::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_dpd: Option<bool>,
    /// `EnableNatTraversal`.
    #[serde(
        rename = "EnableNatTraversal",
        deserialize_with = "crate::serde_util::bool_or_string::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_nat_traversal: Option<bool>,
    /// `RemoteCaCertificate`.
    #[serde(
        rename = "RemoteCaCertificate",
        skip_serializing_if = "Option::is_none"
    )]
    pub remote_ca_certificate: Option<String>,
    /// `TunnelIkeConfig`.
    #[serde(
        rename = "TunnelIkeConfig",
        deserialize_with = "crate::serde_util::json_string_or_object::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub tunnel_ike_config: Option<IkeConfig>,
    /// `TunnelIpsecConfig`.
    #[serde(
        rename = "TunnelIpsecConfig",
        deserialize_with = "crate::serde_util::json_string_or_object::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub tunnel_ipsec_config: Option<IpsecConfig>,
    /// `TunnelBgpConfig`.
    #[serde(
        rename = "TunnelBgpConfig",
        deserialize_with = "crate::serde_util::json_string_or_object::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub tunnel_bgp_config: Option<TunnelBgpConfig>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

crate::list_of!(
    /// `TunnelOptionsSpecification` container.
    TunnelOptionsSet, "TunnelOptions", TunnelOptions
);
