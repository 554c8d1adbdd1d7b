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

impl From<::aliyun::Error> for FetchError {
    fn from(e: ::aliyun::Error) -> Self {
        FetchError {
            code: e.code().to_string(),
            message: e.to_string(),
        }
    }
}

impl From<::huawei::Error> for FetchError {
    fn from(e: ::huawei::Error) -> Self {
        FetchError {
            code: e.code(),
            message: e.to_string(),
        }
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
