//! `ListTagResources` (spec §3.7, S0:L849): token-paged tag bindings.

use serde::{Deserialize, Serialize};

/// One tag bound to one resource.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TagResource {
    /// `ResourceId`.
    #[serde(rename = "ResourceId", skip_serializing_if = "Option::is_none")]
    pub resource_id: Option<String>,
    /// `VPC`, `VSWITCH`, `ROUTETABLE`, `EIP` or `VpnGateway`.
    #[serde(rename = "ResourceType", skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<String>,
    /// `TagKey`.
    #[serde(rename = "TagKey", skip_serializing_if = "Option::is_none")]
    pub tag_key: Option<String>,
    /// `TagValue`.
    #[serde(rename = "TagValue", skip_serializing_if = "Option::is_none")]
    pub tag_value: Option<String>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

crate::list_of!(
    /// `TagResources` container.
    TagResourceSet, "TagResource", TagResource
);

/// One page of `ListTagResources`; `NextToken` is empty on the last page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListTagResourcesResponse {
    /// `RequestId`.
    #[serde(rename = "RequestId", skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// `NextToken`.
    #[serde(rename = "NextToken", skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// `TagResources`.
    #[serde(
        rename = "TagResources",
        deserialize_with = "crate::serde_util::lenient"
    )]
    pub tag_resources: TagResourceSet,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}
