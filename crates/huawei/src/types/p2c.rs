//! Point-to-site (P2C) VPN gateways and their live client sessions (spec §3.9).

use super::common::{Eip, Extra, PageInfo, Tag, Timestamp};
use super::lenient;
use serde::{Deserialize, Serialize};

/// A P2C gateway. `status` uses `FROZEN` (not `FREEZED` as site-to-site resources do).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct P2cVpnGateway {
    pub id: String,
    pub name: Option<String>,
    pub status: Option<String>,
    pub vpc_id: Option<String>,
    pub connect_subnet: Option<String>,
    pub flavor: Option<String>,
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub availability_zone_ids: Vec<String>,
    pub eip: Option<Eip>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub max_connection_number: Option<i64>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub current_connection_number: Option<i64>,
    pub enterprise_project_id: Option<String>,
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub tags: Vec<Tag>,
    pub order_id: Option<String>,
    #[serde(deserialize_with = "lenient::opt_bool")]
    pub admin_state_up: Option<bool>,
    /// 0 not frozen, 1 frozen (releasable), 2 frozen (not releasable).
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub frozen_effect: Option<i64>,
    pub version: Option<String>,
    pub upgrade_info: Option<serde_json::Value>,
    pub created_at: Option<Timestamp>,
    pub applied_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ShowP2cGatewayResponse {
    pub p2c_vpn_gateway: P2cVpnGateway,
    pub request_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ListP2cGatewaysResponse {
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub p2c_vpn_gateways: Vec<P2cVpnGateway>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub total_count: Option<i64>,
    pub page_info: Option<PageInfo>,
    pub request_id: Option<String>,
}

/// One connected VPN client (`GET p2c-vpn-gateways/{id}/connections`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct P2cConnection {
    pub connection_id: String,
    pub client_virtual_ip: Option<String>,
    pub client_ip: Option<String>,
    pub client_user_name: Option<String>,
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub inbound_packets: Option<u64>,
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub outbound_packets: Option<u64>,
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub inbound_bytes: Option<u64>,
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub outbound_bytes: Option<u64>,
    pub connection_established_time: Option<Timestamp>,
    pub timestamp: Option<Timestamp>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Offset-paginated (spec §2.4 B).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ListP2cConnectionsResponse {
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub connections: Vec<P2cConnection>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub total_count: Option<i64>,
    pub request_id: Option<String>,
}
