//! Alibaba mapper tests. Bodies are the seed response examples used by
//! `crates/aliyun/tests/seed_*.rs` (file and line cited per test), parsed into the wire
//! types the client returns, then mapped.

mod hybrid;
mod routes;
mod vpc;
mod vpn;

use serde::de::DeserializeOwned;

/// Parses a seed body as the client would (envelope unwrapped).
pub(super) fn parse<T: DeserializeOwned>(body: &str) -> T {
    let raw: serde_json::Value = serde_json::from_str(body).expect("seed body is JSON");
    serde_json::from_value(aliyun::response::unwrap_envelope(raw)).expect("seed body parses")
}
