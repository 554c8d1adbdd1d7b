//! Site-to-site VPN gateway (spec §3.2, ResponseVpnGateway).

use super::common::{Eip, Extra, Tag, Timestamp};
use super::lenient;
use serde::{Deserialize, Serialize};

/// A VPN gateway. `status` is one of PENDING_CREATE, PENDING_UPDATE, PENDING_DELETE,
/// UPGRADING, ROLLING_BACK, PENDING_UPGRADE_CONFIRM, ACTIVE, FAULT, FREEZED (kept raw).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct VpnGateway {
    pub id: String,
    pub name: Option<String>,
    pub status: Option<String>,
    pub network_type: Option<String>,
    pub attachment_type: Option<String>,
    pub ip_version: Option<String>,
    pub vpc_id: Option<String>,
    pub er_id: Option<String>,
    pub er_attachment_id: Option<String>,
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub local_subnets: Vec<String>,
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub local_subnets_v6: Vec<String>,
    pub connect_subnet: Option<String>,
    pub access_vpc_id: Option<String>,
    pub access_subnet_id: Option<String>,
    pub access_private_ip_1: Option<String>,
    pub access_private_ip_2: Option<String>,
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub bgp_asn: Option<u64>,
    pub flavor: Option<String>,
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub availability_zone_ids: Vec<String>,
    pub public_border_group: Option<String>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub connection_number: Option<i64>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub used_connection_number: Option<i64>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub used_connection_group: Option<i64>,
    pub enterprise_project_id: Option<String>,
    pub ha_mode: Option<String>,
    pub eip1: Option<Eip>,
    pub eip2: Option<Eip>,
    pub certificate_id: Option<String>,
    pub policy_template: Option<PolicyTemplate>,
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub supported_flavors: Vec<String>,
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub supported_features: Vec<String>,
    pub upgrade_info: Option<serde_json::Value>,
    pub created_at: Option<Timestamp>,
    pub applied_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub tags: Vec<Tag>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `policy_template` of `*-NonFixedIP` gateways (spec §3.1 Gateway PolicyTemplate).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PolicyTemplate {
    pub ike_policy: Option<TemplateIkePolicy>,
    pub ipsec_policy: Option<TemplateIpsecPolicy>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TemplateIkePolicy {
    pub encryption_algorithm: Option<String>,
    pub dh_group: Option<String>,
    pub authentication_algorithm: Option<String>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub lifetime_seconds: Option<i64>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TemplateIpsecPolicy {
    pub authentication_algorithm: Option<String>,
    pub encryption_algorithm: Option<String>,
    pub pfs: Option<String>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub lifetime_seconds: Option<i64>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `GET /v5/{p}/vpn-gateways/{vgw_id}`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ShowVpnGatewayResponse {
    pub vpn_gateway: VpnGateway,
    pub request_id: Option<String>,
}

/// `GET /v5/{p}/vpn-gateways` (unpaginated, spec §2.4 C).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ListVpnGatewaysResponse {
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub vpn_gateways: Vec<VpnGateway>,
    pub request_id: Option<String>,
}
