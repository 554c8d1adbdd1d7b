//! Shared wire sub-objects (spec §3.1, §2.4, §2.5): tags, page info, EIPs, timestamps.

use super::lenient;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Catch-all for fields this crate does not model, kept for detail views and round-trips.
pub type Extra = Map<String, Value>;

/// A Huawei timestamp kept verbatim (formats vary, spec §2.5) with a parsing helper, so an
/// unusual value never makes a whole response fail and the emulator re-serves it unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(pub String);

impl Timestamp {
    /// RFC 3339 with 0–9 fraction digits and `Z` or `±hh:mm`; `None` if unparseable.
    pub fn to_utc(&self) -> Option<DateTime<Utc>> {
        DateTime::parse_from_rfc3339(self.0.trim())
            .ok()
            .map(|t| t.with_timezone(&Utc))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Resource tag `{key, value}` (spec §3.1).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Tag {
    pub key: String,
    #[serde(default)]
    pub value: String,
}

/// `page_info` of marker-paginated lists (spec §3.1 PageInfo).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PageInfo {
    #[serde(default)]
    pub next_marker: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    pub current_count: Option<i64>,
}

/// Response EIP (`eip1`, `eip2`, P2C `eip`; spec §3.1).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Eip {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    pub ip_version: Option<i64>,
    #[serde(default)]
    pub ip_billing_info: Option<String>,
    #[serde(default, rename = "type")]
    pub eip_type: Option<String>,
    #[serde(default)]
    pub ip_address: Option<String>,
    #[serde(default)]
    pub charge_mode: Option<String>,
    #[serde(default)]
    pub bandwidth_id: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    pub bandwidth_size: Option<i64>,
    #[serde(default)]
    pub bandwidth_name: Option<String>,
    #[serde(default)]
    pub bandwidth_billing_info: Option<String>,
    #[serde(default)]
    pub share_type: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_in_every_documented_format_parse() {
        // Spec §2.5 examples.
        for s in [
            "2025-06-28T02:22:27.24Z",
            "2025-06-26T13:41:34.626Z",
            "2025-02-21T06:50:25.5Z",
            "2021-12-21T16:49:28.108+08:00",
            "2024-02-20T15:41:39+08:00",
            "2024-06-17T02:58:48Z",
        ] {
            assert!(Timestamp(s.into()).to_utc().is_some(), "{s}");
        }
        let t = Timestamp("2021-12-21T16:49:28.108+08:00".into())
            .to_utc()
            .unwrap();
        assert_eq!(t.to_rfc3339(), "2021-12-21T08:49:28.108+00:00");
        assert_eq!(Timestamp("garbage".into()).to_utc(), None);
    }

    #[test]
    fn eip_keeps_unknown_fields() {
        let e: Eip = serde_json::from_str(r#"{"id":"x","ip_version":"4","new_field":1}"#).unwrap();
        assert_eq!(e.ip_version, Some(4));
        assert_eq!(e.extra["new_field"], 1);
        let back = serde_json::to_value(&e).unwrap();
        assert_eq!(back["new_field"], 1);
    }
}
