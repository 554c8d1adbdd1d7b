//! VPN gateways: `DescribeVpnGateways`, `DescribeVpnGateway` (spec §3.2).
//!
//! `CreateTime`/`EndTime` are epoch milliseconds (§5.7); `IpsecVpn`/`SslVpn` are the strings
//! `enable`/`disable` (§5.4) and are kept as sent.

use serde::{Deserialize, Serialize};

/// One VPN gateway (list item, or the top level of `DescribeVpnGateway`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VpnGateway {
    /// `VpnGatewayId`.
    #[serde(rename = "VpnGatewayId", skip_serializing_if = "Option::is_none")]
    pub vpn_gateway_id: Option<String>,
    /// Edge to the VPC.
    #[serde(rename = "VpcId", skip_serializing_if = "Option::is_none")]
    pub vpc_id: Option<String>,
    /// Edge to the vSwitch.
    #[serde(rename = "VSwitchId", skip_serializing_if = "Option::is_none")]
    pub v_switch_id: Option<String>,
    /// Public IP, the IPsec local endpoint.
    #[serde(rename = "InternetIp", skip_serializing_if = "Option::is_none")]
    pub internet_ip: Option<String>,
    /// `IntranetIp`.
    #[serde(rename = "IntranetIp", skip_serializing_if = "Option::is_none")]
    pub intranet_ip: Option<String>,
    /// Creation time, epoch ms.
    #[serde(
        rename = "CreateTime",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<i64>,
    /// Expiry (PREPAY), epoch ms.
    #[serde(
        rename = "EndTime",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub end_time: Option<i64>,
    /// Bandwidth spec such as `5M`.
    #[serde(rename = "Spec", skip_serializing_if = "Option::is_none")]
    pub spec: Option<String>,
    /// `Name`.
    #[serde(rename = "Name", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `Description`.
    #[serde(rename = "Description", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `init`/`provisioning`/`active`/`updating`/`deleting`.
    #[serde(rename = "Status", skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `Normal`/`FinancialLocked`.
    #[serde(rename = "BusinessStatus", skip_serializing_if = "Option::is_none")]
    pub business_status: Option<String>,
    /// `ChargeType`.
    #[serde(rename = "ChargeType", skip_serializing_if = "Option::is_none")]
    pub charge_type: Option<String>,
    /// `enable`/`disable`.
    #[serde(rename = "IpsecVpn", skip_serializing_if = "Option::is_none")]
    pub ipsec_vpn: Option<String>,
    /// `enable`/`disable`.
    #[serde(rename = "SslVpn", skip_serializing_if = "Option::is_none")]
    pub ssl_vpn: Option<String>,
    /// `SslMaxConnections`.
    #[serde(
        rename = "SslMaxConnections",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub ssl_max_connections: Option<u64>,
    /// `EnableBgp`.
    #[serde(
        rename = "EnableBgp",
        deserialize_with = "crate::serde_util::bool_or_string::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_bgp: Option<bool>,
    /// `AutoPropagate`.
    #[serde(
        rename = "AutoPropagate",
        deserialize_with = "crate::serde_util::bool_or_string::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub auto_propagate: Option<bool>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

crate::list_of!(
    /// `VpnGateways` container.
    VpnGatewaySet, "VpnGateway", VpnGateway
);

crate::paged!(
    /// Response of `DescribeVpnGateways`.
    DescribeVpnGatewaysResponse, "DescribeVpnGateways", "VpnGateways",
    vpn_gateways: VpnGatewaySet => VpnGateway
);

crate::single!(
    /// Response of `DescribeVpnGateway` (and `ModifyVpnGatewayAttribute`).
    DescribeVpnGatewayResponse, gateway: VpnGateway
);

impl VpnGateway {
    /// `CreateTime` as UTC.
    pub fn created_at(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        self.create_time.and_then(crate::time::from_epoch_ms)
    }
}
