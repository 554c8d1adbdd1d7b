//! `DescribeRegions` (spec §3.1, S2 §22.3 L25417).

use serde::{Deserialize, Serialize};

/// A region and its VPC endpoint.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Region {
    /// `RegionId`.
    #[serde(rename = "RegionId", skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
    /// `LocalName`.
    #[serde(rename = "LocalName", skip_serializing_if = "Option::is_none")]
    pub local_name: Option<String>,
    /// Service endpoint host for this region, e.g. `vpc.eu-central-1.aliyuncs.com`.
    #[serde(rename = "RegionEndpoint", skip_serializing_if = "Option::is_none")]
    pub region_endpoint: Option<String>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

crate::list_of!(
    /// `Regions` container.
    RegionSet, "Region", Region
);

/// Response of `DescribeRegions` (not paged).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DescribeRegionsResponse {
    /// `RequestId`.
    #[serde(rename = "RequestId", skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// `Regions`.
    #[serde(rename = "Regions", deserialize_with = "crate::serde_util::lenient")]
    pub regions: RegionSet,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}
