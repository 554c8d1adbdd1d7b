//! P2C users, user groups and access policies (spec §3.11). Passwords are write-only and
//! never part of these types.

use super::common::{Extra, PageInfo, Timestamp};
use super::lenient;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct P2cUser {
    pub id: String,
    pub name: Option<String>,
    pub description: Option<String>,
    pub user_group_id: Option<String>,
    pub user_group_name: Option<String>,
    /// Fixed client address, or `"disable"` for dynamic.
    pub static_ip: Option<String>,
    pub created_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ListUsersResponse {
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub users: Vec<P2cUser>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub total_count: Option<i64>,
    pub page_info: Option<PageInfo>,
    pub request_id: Option<String>,
}

/// `type` is `Default` (built-in group `default`) or `Custom`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct UserGroup {
    pub id: String,
    pub name: Option<String>,
    pub description: Option<String>,
    #[serde(rename = "type")]
    pub group_type: Option<String>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub user_number: Option<i64>,
    pub created_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ListUserGroupsResponse {
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub user_groups: Vec<UserGroup>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub total_count: Option<i64>,
    pub page_info: Option<PageInfo>,
    pub request_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AccessPolicy {
    pub id: String,
    pub name: Option<String>,
    #[serde(rename = "type")]
    pub policy_type: Option<String>,
    pub user_group_id: Option<String>,
    pub user_group_name: Option<String>,
    pub description: Option<String>,
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub dest_ip_cidrs: Vec<String>,
    pub created_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ListAccessPoliciesResponse {
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub access_policies: Vec<AccessPolicy>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub total_count: Option<i64>,
    pub page_info: Option<PageInfo>,
    pub request_id: Option<String>,
}
