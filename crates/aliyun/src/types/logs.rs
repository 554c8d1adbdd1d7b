//! VPN log queries: `DescribeVpnSslServerLogs` (S0:L3748) and, with the same response
//! shape, `DescribeVpnConnectionLogs` [EXT: not in the seeds; public API reference].
//! `Data` is `{"Logs":[…]}` in JSON and may be empty (`<Data/>` in XML, §3.6).

use serde::{Deserialize, Serialize};

/// The `Data` object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VpnLogsData {
    /// Log lines.
    #[serde(rename = "Logs", deserialize_with = "crate::serde_util::one_or_many")]
    pub logs: Vec<String>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// One page of VPN logs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DescribeVpnLogsResponse {
    /// `RequestId`.
    #[serde(rename = "RequestId", skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// `PageNumber`.
    #[serde(
        rename = "PageNumber",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<u32>,
    /// `PageSize`.
    #[serde(
        rename = "PageSize",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub page_size: Option<u32>,
    /// Total number of log lines.
    #[serde(
        rename = "Count",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub count: Option<u64>,
    /// Whether the returned window is complete.
    #[serde(
        rename = "IsCompleted",
        deserialize_with = "crate::serde_util::bool_or_string::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_completed: Option<bool>,
    /// `Data`.
    #[serde(rename = "Data", deserialize_with = "crate::serde_util::lenient")]
    pub data: VpnLogsData,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}
