//! Account-level data: quotas (spec §3.12), tags (§3.13) and IAM projects (§1.2).

use super::common::Extra;
use super::lenient;
use serde::{Deserialize, Serialize};

/// `type` ∈ customer_gateway, vpn_connection, vpn_gateway, vpngw, vpn.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct QuotaResource {
    #[serde(rename = "type")]
    pub resource_type: String,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub quota: Option<i64>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub used: Option<i64>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Quotas {
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub resources: Vec<QuotaResource>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct QuotasResponse {
    pub quotas: Quotas,
    pub request_id: Option<String>,
}

/// `GET /v5/{p}/{resource_type}/{resource_id}/tags`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ResourceTagsResponse {
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub tags: Vec<super::common::Tag>,
    pub request_id: Option<String>,
}

/// A tag key with every value used in the project.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TagValues {
    pub key: String,
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub values: Vec<String>,
}

/// `GET /v5/{p}/{resource_type}/tags`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ProjectTagsResponse {
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub tags: Vec<TagValues>,
    pub request_id: Option<String>,
}

/// IAM project (`GET /v3/projects?name={region}`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Project {
    pub id: String,
    pub name: Option<String>,
    pub domain_id: Option<String>,
    #[serde(deserialize_with = "lenient::opt_bool")]
    pub enabled: Option<bool>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ProjectsResponse {
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub projects: Vec<Project>,
    #[serde(flatten)]
    pub extra: Extra,
}
