//! Gateway side resources: availability zones (spec §3.2), GM certificates (§3.4) and
//! upgrade jobs (§3.5; the same schema serves P2C gateway jobs).

use super::common::{Extra, Timestamp};
use super::lenient;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// v5 AZ listing: flavor (mixed-case keys as sent) → attachment type → AZ names.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AvailabilityZonesResponse {
    pub availability_zones: BTreeMap<String, BTreeMap<String, Vec<String>>>,
    pub request_id: Option<String>,
}

/// v5.1 AZ listing (`GET /v5.1/{p}/vpn-gateways/availability-zones`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AvailabilityZonesV51Response {
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub availability_zones: Vec<AvailabilityZoneV51>,
    pub request_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AvailabilityZoneV51 {
    pub name: String,
    pub public_border_group: Option<String>,
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub available_specs: Vec<AvailableSpec>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AvailableSpec {
    pub flavor: Option<String>,
    pub attachment_type: Option<String>,
    pub ip_version: Option<String>,
}

/// GM gateway certificate; `status` ∈ BOUND, BINDING, FAULT. Private keys are never returned.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct GatewayCertificate {
    pub id: String,
    pub name: Option<String>,
    pub project_id: Option<String>,
    pub vgw_id: Option<String>,
    pub status: Option<String>,
    pub issuer: Option<String>,
    pub signature_algorithm: Option<String>,
    pub certificate_serial_number: Option<String>,
    pub certificate_subject: Option<String>,
    pub certificate_expire_time: Option<Timestamp>,
    pub certificate_chain_serial_number: Option<String>,
    pub certificate_chain_subject: Option<String>,
    pub certificate_chain_expire_time: Option<Timestamp>,
    pub enc_certificate_serial_number: Option<String>,
    pub enc_certificate_subject: Option<String>,
    pub enc_certificate_expire_time: Option<Timestamp>,
    pub created_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ShowGatewayCertificateResponse {
    pub certificate: GatewayCertificate,
    pub request_id: Option<String>,
}

/// Upgrade job; `status` ∈ upgrading, pending_upgrade_confirm, success, rolling_back,
/// rollback_success, fail.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Job {
    pub id: String,
    pub resource_id: Option<String>,
    pub job_type: Option<String>,
    pub status: Option<String>,
    pub created_at: Option<Timestamp>,
    pub finished_at: Option<Timestamp>,
    pub error_message: Option<String>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub expected_time_seconds: Option<i64>,
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub sub_jobs: Vec<SubJob>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SubJob {
    pub id: String,
    pub job_type: Option<String>,
    pub status: Option<String>,
    pub created_at: Option<Timestamp>,
    pub finished_at: Option<Timestamp>,
    pub error_message: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ListJobsResponse {
    #[serde(deserialize_with = "lenient::vec_or_null")]
    pub jobs: Vec<Job>,
    pub request_id: Option<String>,
}
