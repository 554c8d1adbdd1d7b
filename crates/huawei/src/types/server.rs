//! VPN servers: the SSL endpoint of a P2C gateway (spec §3.10).

use super::common::{Extra, PageInfo, Timestamp};
use super::lenient;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct VpnServer {
    pub id: String,
    pub p2c_vgw_id: Option<String>,
    pub client_cidr: Option<String>,
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub local_subnets: Vec<String>,
    /// CERT, LOCAL_PASSWORD, IAM, FEDERATED.
    pub client_auth_type: Option<String>,
    pub tunnel_protocol: Option<String>,
    pub server_certificate: Option<ServerCertificate>,
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub client_ca_certificates: Vec<ClientCaCertificate>,
    pub ssl_options: Option<SslOptions>,
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub dns_servers: Vec<String>,
    pub idp_name: Option<String>,
    pub status: Option<String>,
    pub created_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ServerCertificate {
    pub id: Option<String>,
    pub name: Option<String>,
    pub issuer: Option<String>,
    pub subject: Option<String>,
    pub serial_number: Option<String>,
    pub expiration_time: Option<Timestamp>,
    pub signature_algorithm: Option<String>,
    /// CCM or SERVICE_SIGN.
    pub source: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ClientCaCertificate {
    pub id: Option<String>,
    pub name: Option<String>,
    pub issuer: Option<String>,
    pub subject: Option<String>,
    pub serial_number: Option<String>,
    pub expiration_time: Option<Timestamp>,
    pub signature_algorithm: Option<String>,
    pub created_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SslOptions {
    pub protocol: Option<String>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub port: Option<i64>,
    pub encryption_algorithm: Option<String>,
    pub authentication_algorithm: Option<String>,
    #[serde(deserialize_with = "lenient::opt_bool")]
    pub is_compressed: Option<bool>,
}

/// Both `GET p2c-vpn-gateways/{id}/vpn-servers` and `GET vpn-servers`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ListVpnServersResponse {
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub vpn_servers: Vec<VpnServer>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub total_count: Option<i64>,
    pub page_info: Option<PageInfo>,
    pub request_id: Option<String>,
}
