//! Connection monitors (NQA probes, spec §3.8). `status` is the monitor object's state,
//! not the probe result (results live in Cloud Eye).

use super::common::Extra;
use super::lenient;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ConnectionMonitor {
    pub id: String,
    pub status: Option<String>,
    pub vpn_connection_id: Option<String>,
    #[serde(rename = "type")]
    pub monitor_type: Option<String>,
    pub source_ip: Option<String>,
    pub destination_ip: Option<String>,
    pub proto_type: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ShowConnectionMonitorResponse {
    pub connection_monitor: ConnectionMonitor,
    pub request_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ListConnectionMonitorsResponse {
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub connection_monitors: Vec<ConnectionMonitor>,
    pub request_id: Option<String>,
}
