//! SSL-VPN servers and client certificates (spec §3.6). The seed examples quote every
//! scalar and render single items as objects; the serde helpers absorb both.

use serde::{Deserialize, Serialize};

/// An SSL-VPN server on a VPN gateway.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SslVpnServer {
    /// `SslVpnServerId`.
    #[serde(rename = "SslVpnServerId", skip_serializing_if = "Option::is_none")]
    pub ssl_vpn_server_id: Option<String>,
    /// Edge to the VPN gateway.
    #[serde(rename = "VpnGatewayId", skip_serializing_if = "Option::is_none")]
    pub vpn_gateway_id: Option<String>,
    /// `RegionId`.
    #[serde(rename = "RegionId", skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
    /// `Name`.
    #[serde(rename = "Name", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `ClientIpPool`.
    #[serde(rename = "ClientIpPool", skip_serializing_if = "Option::is_none")]
    pub client_ip_pool: Option<String>,
    /// `LocalSubnet`.
    #[serde(rename = "LocalSubnet", skip_serializing_if = "Option::is_none")]
    pub local_subnet: Option<String>,
    /// `Proto`.
    #[serde(rename = "Proto", skip_serializing_if = "Option::is_none")]
    pub proto: Option<String>,
    /// `Port`.
    #[serde(
        rename = "Port",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub port: Option<u32>,
    /// `Cipher`.
    #[serde(rename = "Cipher", skip_serializing_if = "Option::is_none")]
    pub cipher: Option<String>,
    /// `Compress`.
    #[serde(
        rename = "Compress",
        deserialize_with = "crate::serde_util::bool_or_string::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub compress: Option<bool>,
    /// Epoch ms.
    #[serde(
        rename = "CreateTime",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<i64>,
    /// Current clients.
    #[serde(
        rename = "Connections",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub connections: Option<u32>,
    /// `MaxConnections`.
    #[serde(
        rename = "MaxConnections",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub max_connections: Option<u32>,
    /// `InternetIp`.
    #[serde(rename = "InternetIp", skip_serializing_if = "Option::is_none")]
    pub internet_ip: Option<String>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// An SSL-VPN client certificate.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SslVpnClientCertKey {
    /// `SslVpnClientCertId`.
    #[serde(rename = "SslVpnClientCertId", skip_serializing_if = "Option::is_none")]
    pub ssl_vpn_client_cert_id: Option<String>,
    /// Edge to the SSL-VPN server.
    #[serde(rename = "SslVpnServerId", skip_serializing_if = "Option::is_none")]
    pub ssl_vpn_server_id: Option<String>,
    /// `RegionId`.
    #[serde(rename = "RegionId", skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
    /// `Name`.
    #[serde(rename = "Name", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Epoch ms.
    #[serde(
        rename = "CreateTime",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<i64>,
    /// Expiry, epoch ms.
    #[serde(
        rename = "EndTime",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub end_time: Option<i64>,
    /// `normal`, `expiring-soon` or `expired`.
    #[serde(rename = "Status", skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

crate::list_of!(
    /// `SslVpnServers` container.
    SslVpnServerSet, "SslVpnServer", SslVpnServer
);

crate::list_of!(
    /// `SslVpnClientCertKeys` container.
    SslVpnClientCertKeySet, "SslVpnClientCertKey", SslVpnClientCertKey
);

crate::paged!(
    /// Response of `DescribeSslVpnServers`.
    DescribeSslVpnServersResponse, "DescribeSslVpnServers", "SslVpnServers",
    ssl_vpn_servers: SslVpnServerSet => SslVpnServer
);

crate::paged!(
    /// Response of `DescribeSslVpnClientCerts`.
    DescribeSslVpnClientCertsResponse, "DescribeSslVpnClientCerts", "SslVpnClientCertKeys",
    ssl_vpn_client_cert_keys: SslVpnClientCertKeySet => SslVpnClientCertKey
);
