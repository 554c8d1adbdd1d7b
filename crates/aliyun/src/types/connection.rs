//! IPsec-VPN connections (spec §3.4): `DescribeVpnConnections`, `DescribeVpnConnection`,
//! `DownloadVpnConnectionConfig`.
//!
//! Nested configs may arrive as objects or JSON strings (§5.5). OCR/old spellings are
//! accepted as aliases (§5.2): `status`, `IpssecConfig`, `RemotId`, `Remoteld`, `Localld`.
//! `Psk` and `AuthKey` are `Sensitive`. Dual-tunnel gateways report per-tunnel state in
//! `TunnelOptionsSpecification.TunnelOptions[]` [EXT: public API reference; the seeds do
//! not document it (§7)], so it is optional and its items keep unknown fields.

use crate::types::connection_config::{IkeConfig, IpsecConfig, VcoHealthCheck, VpnBgpConfig};
use crate::types::tunnel::TunnelOptionsSet;
use serde::{Deserialize, Serialize};

/// One IPsec connection (list item or top level of `DescribeVpnConnection`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VpnConnection {
    /// `VpnConnectionId`.
    #[serde(rename = "VpnConnectionId", skip_serializing_if = "Option::is_none")]
    pub vpn_connection_id: Option<String>,
    /// Edge to the VPN gateway.
    #[serde(rename = "VpnGatewayId", skip_serializing_if = "Option::is_none")]
    pub vpn_gateway_id: Option<String>,
    /// Edge to the customer gateway.
    #[serde(rename = "CustomerGatewayId", skip_serializing_if = "Option::is_none")]
    pub customer_gateway_id: Option<String>,
    /// `Name`.
    #[serde(rename = "Name", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `Description`.
    #[serde(rename = "Description", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Comma-separated VPC-side CIDRs.
    #[serde(rename = "LocalSubnet", skip_serializing_if = "Option::is_none")]
    pub local_subnet: Option<String>,
    /// Comma-separated on-premises CIDRs.
    #[serde(rename = "RemoteSubnet", skip_serializing_if = "Option::is_none")]
    pub remote_subnet: Option<String>,
    /// Epoch ms.
    #[serde(
        rename = "CreateTime",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<i64>,
    /// `ike_sa_not_established`, `ike_sa_established`, `ipsec_sa_not_established`, `ipsec_sa_established`.
    #[serde(
        rename = "Status",
        alias = "status",
        skip_serializing_if = "Option::is_none"
    )]
    pub status: Option<String>,
    /// `EffectImmediately`.
    #[serde(
        rename = "EffectImmediately",
        deserialize_with = "crate::serde_util::bool_or_string::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub effect_immediately: Option<bool>,
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
    /// `AutoConfigRoute`.
    #[serde(
        rename = "AutoConfigRoute",
        deserialize_with = "crate::serde_util::bool_or_string::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub auto_config_route: Option<bool>,
    /// `IkeConfig`.
    #[serde(
        rename = "IkeConfig",
        deserialize_with = "crate::serde_util::json_string_or_object::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub ike_config: Option<IkeConfig>,
    /// `IpsecConfig`.
    #[serde(
        rename = "IpsecConfig",
        alias = "IpssecConfig",
        alias = "IsecConfig",
        deserialize_with = "crate::serde_util::json_string_or_object::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub ipsec_config: Option<IpsecConfig>,
    /// `VcoHealthCheck`.
    #[serde(
        rename = "VcoHealthCheck",
        deserialize_with = "crate::serde_util::json_string_or_object::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub vco_health_check: Option<VcoHealthCheck>,
    /// `VpnBgpConfig`.
    #[serde(
        rename = "VpnBgpConfig",
        deserialize_with = "crate::serde_util::json_string_or_object::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub vpn_bgp_config: Option<VpnBgpConfig>,
    /// Per-tunnel state of dual-tunnel connections [EXT].
    #[serde(
        rename = "TunnelOptionsSpecification",
        deserialize_with = "crate::serde_util::json_string_or_object::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub tunnel_options_specification: Option<TunnelOptionsSet>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

crate::list_of!(
    /// `VpnConnections` container.
    VpnConnectionSet, "VpnConnection", VpnConnection
);

crate::paged!(
    /// Response of `DescribeVpnConnections`.
    DescribeVpnConnectionsResponse, "DescribeVpnConnections", "VpnConnections",
    vpn_connections: VpnConnectionSet => VpnConnection
);

crate::single!(
    /// Response of `DescribeVpnConnection` (S0 top-level form; see `ops` for the S1/S2 list form).
    DescribeVpnConnectionResponse, connection: VpnConnection
);

/// Peer-side configuration from `DownloadVpnConnectionConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VpnConnectionConfig {
    /// `Local`.
    #[serde(rename = "Local", skip_serializing_if = "Option::is_none")]
    pub local: Option<String>,
    /// `Remote`.
    #[serde(rename = "Remote", skip_serializing_if = "Option::is_none")]
    pub remote: Option<String>,
    /// `LocalSubnet`.
    #[serde(rename = "LocalSubnet", skip_serializing_if = "Option::is_none")]
    pub local_subnet: Option<String>,
    /// `RemoteSubnet`.
    #[serde(rename = "RemoteSubnet", skip_serializing_if = "Option::is_none")]
    pub remote_subnet: Option<String>,
    /// `CustomerGatewayId`.
    #[serde(rename = "CustomerGatewayId", skip_serializing_if = "Option::is_none")]
    pub customer_gateway_id: Option<String>,
    /// `VpnGatewayId`.
    #[serde(rename = "VpnGatewayId", skip_serializing_if = "Option::is_none")]
    pub vpn_gateway_id: Option<String>,
    /// `IkeConfig`.
    #[serde(
        rename = "IkeConfig",
        deserialize_with = "crate::serde_util::json_string_or_object::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub ike_config: Option<IkeConfig>,
    /// `IpsecConfig`.
    #[serde(
        rename = "IpsecConfig",
        alias = "IpssecConfig",
        deserialize_with = "crate::serde_util::json_string_or_object::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub ipsec_config: Option<IpsecConfig>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Response of `DownloadVpnConnectionConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DownloadVpnConnectionConfigResponse {
    /// `RequestId`.
    #[serde(rename = "RequestId", skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// `VpnConnectionConfig`.
    #[serde(
        rename = "VpnConnectionConfig",
        deserialize_with = "crate::serde_util::json_string_or_object::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub vpn_connection_config: Option<VpnConnectionConfig>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}
