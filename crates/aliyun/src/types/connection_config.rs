//! Nested IPsec connection configs (spec §3.4.1): IKE, IPsec, health check, BGP.
//! OCR spellings are accepted as aliases (§5.2); secrets are [`Sensitive`].

use crate::redact::Sensitive;
use crate::serde_util::StrBool;
use serde::{Deserialize, Serialize};

/// Phase-1 (IKE) parameters (§3.4.1).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IkeConfig {
    /// Pre-shared key, returned in clear by the cloud; redacted in `Debug`.
    #[serde(rename = "Psk", skip_serializing_if = "Option::is_none")]
    pub psk: Option<Sensitive>,
    /// `IkeVersion`.
    #[serde(rename = "IkeVersion", skip_serializing_if = "Option::is_none")]
    pub ike_version: Option<String>,
    /// `IkeMode`.
    #[serde(rename = "IkeMode", skip_serializing_if = "Option::is_none")]
    pub ike_mode: Option<String>,
    /// `IkeEncAlg`.
    #[serde(rename = "IkeEncAlg", skip_serializing_if = "Option::is_none")]
    pub ike_enc_alg: Option<String>,
    /// `IkeAuthAlg`.
    #[serde(rename = "IkeAuthAlg", skip_serializing_if = "Option::is_none")]
    pub ike_auth_alg: Option<String>,
    /// `IkePfs`.
    #[serde(rename = "IkePfs", skip_serializing_if = "Option::is_none")]
    pub ike_pfs: Option<String>,
    /// Seconds.
    #[serde(
        rename = "IkeLifetime",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub ike_lifetime: Option<u64>,
    /// `LocalId`.
    #[serde(
        rename = "LocalId",
        alias = "Localld",
        alias = "LocalIdIPsec",
        skip_serializing_if = "Option::is_none"
    )]
    pub local_id: Option<String>,
    /// `RemoteId`.
    #[serde(
        rename = "RemoteId",
        alias = "RemotId",
        alias = "Remoteld",
        skip_serializing_if = "Option::is_none"
    )]
    pub remote_id: Option<String>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Phase-2 (IPsec) parameters (§3.4.1).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IpsecConfig {
    /// `IpsecEncAlg`.
    #[serde(
        rename = "IpsecEncAlg",
        alias = "IpssecEncAlg",
        skip_serializing_if = "Option::is_none"
    )]
    pub ipsec_enc_alg: Option<String>,
    /// `IpsecAuthAlg`.
    #[serde(
        rename = "IpsecAuthAlg",
        alias = "IpssecAuthAlg",
        skip_serializing_if = "Option::is_none"
    )]
    pub ipsec_auth_alg: Option<String>,
    /// `IpsecPfs`.
    #[serde(
        rename = "IpsecPfs",
        alias = "IpssecPfs",
        skip_serializing_if = "Option::is_none"
    )]
    pub ipsec_pfs: Option<String>,
    /// Seconds.
    #[serde(
        rename = "IpsecLifetime",
        alias = "IpssecLifetime",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub ipsec_lifetime: Option<u64>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Tunnel health check as returned (request key `HealthCheckConfig`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VcoHealthCheck {
    /// Sent as the string `"true"`/`"false"`.
    #[serde(rename = "Enable", skip_serializing_if = "Option::is_none")]
    pub enable: Option<StrBool>,
    /// `Dip`.
    #[serde(rename = "Dip", skip_serializing_if = "Option::is_none")]
    pub dip: Option<String>,
    /// `Sip`.
    #[serde(rename = "Sip", skip_serializing_if = "Option::is_none")]
    pub sip: Option<String>,
    /// `Interval`.
    #[serde(
        rename = "Interval",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub interval: Option<u32>,
    /// `Retry`.
    #[serde(
        rename = "Retry",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub retry: Option<u32>,
    /// `success` or `failed`.
    #[serde(rename = "Status", skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// BGP over the tunnel as returned (request key `BgpConfig`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VpnBgpConfig {
    /// Sent as the string `"true"`/`"false"`.
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
    /// `success` / `false` (sic) / `true`.
    #[serde(rename = "Status", skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// BGP MD5 key if present; redacted in `Debug`.
    #[serde(rename = "AuthKey", skip_serializing_if = "Option::is_none")]
    pub auth_key: Option<Sensitive>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}
