//! Customer (on-premises) gateways (spec §3.6).

use super::common::{Extra, PageInfo, Tag, Timestamp};
use super::lenient;
use serde::{Deserialize, Serialize};

/// A customer gateway: the peer device, identified by IP or FQDN.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomerGateway {
    pub id: String,
    pub name: Option<String>,
    /// `ip` or `fqdn`.
    pub id_type: Option<String>,
    pub id_value: Option<String>,
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub bgp_asn: Option<u64>,
    pub ca_certificate: Option<CaCertificate>,
    pub created_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub tags: Vec<Tag>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// CA certificate of a GM customer gateway.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CaCertificate {
    pub id: Option<String>,
    pub serial_number: Option<String>,
    pub signature_algorithm: Option<String>,
    pub issuer: Option<String>,
    pub subject: Option<String>,
    pub expire_time: Option<Timestamp>,
    #[serde(deserialize_with = "lenient::opt_bool")]
    pub is_updatable: Option<bool>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ShowCustomerGatewayResponse {
    pub customer_gateway: CustomerGateway,
    pub request_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ListCustomerGatewaysResponse {
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub customer_gateways: Vec<CustomerGateway>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub total_count: Option<i64>,
    pub page_info: Option<PageInfo>,
    pub request_id: Option<String>,
}

/// Body of `POST /v5/{p}/customer-gateways` (a write; the dashboard uses it for tests and
/// the CLI). Serialized compactly so the signed bytes equal the sent bytes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CreateCustomerGateway {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_type: Option<String>,
    pub id_value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bgp_asn: Option<u64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Tag>,
}
