//! Fetching one unit of one (account, region) from its cloud, mapped into store rows.

pub mod aliyun;
pub mod huawei;

use store::model::{ResourceItem, ResourceKind};

/// Complete snapshots, one per kind the unit covers (an empty list means "none left").
pub type Snapshots = Vec<(ResourceKind, Vec<ResourceItem>)>;

/// A failed fetch: the cloud's error code (or a transport class) and a secret-free message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{code}: {message}")]
pub struct FetchError {
    pub code: String,
    pub message: String,
}

/// What an operator reads first when a cloud refused the request's time: the cause is this
/// host's clock, not the credentials, and the fix is NTP.
pub const CLOCK_SKEW_HINT: &str = "the cloud refused the request time: this server's clock is \
     more than 15 minutes off the cloud's; correct the clock (NTP) on the gatewatch host";

impl From<::aliyun::Error> for FetchError {
    fn from(e: ::aliyun::Error) -> Self {
        // alibaba.md §1.9: `InvalidTimeStamp.Expired` is the skew answer.
        let skewed = e.code() == "InvalidTimeStamp.Expired";
        FetchError::new(e.code().to_string(), e.to_string(), skewed)
    }
}

impl From<::huawei::Error> for FetchError {
    fn from(e: ::huawei::Error) -> Self {
        // Huawei answers every AK/SK failure with APIGW.0301; only the message tells the
        // expired X-Sdk-Date apart from a wrong key.
        let message = e.to_string();
        let skewed = e.code() == "APIGW.0301"
            && (message.contains("X-Sdk-Date") || message.contains("signature expired"));
        FetchError::new(e.code(), message, skewed)
    }
}

impl FetchError {
    fn new(code: String, message: String, clock_skewed: bool) -> Self {
        let message = match clock_skewed {
            true => format!("{CLOCK_SKEW_HINT} ({message})"),
            false => message,
        };
        FetchError { code, message }
    }
}

/// Groups items by kind, keeping every kind of `kinds` (empty when nothing was seen).
pub fn group(kinds: &[ResourceKind], items: Vec<ResourceItem>) -> Snapshots {
    let mut out: Snapshots = kinds.iter().map(|k| (*k, Vec::new())).collect();
    for item in store::map::unique(items) {
        let kind = item.spec.kind();
        if let Some((_, list)) = out.iter_mut().find(|(k, _)| *k == kind) {
            list.push(item);
        }
    }
    out
}
