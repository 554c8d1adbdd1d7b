//! Huawei mapper tests. Bodies are the seed 004 examples used by
//! `crates/huawei/src/types/seed_tests/` (seed line cited per test), parsed into the wire
//! types the client returns, then mapped.

mod p2c;
mod routes;

use serde::de::DeserializeOwned;

/// Parses a seed body.
pub(super) fn parse<T: DeserializeOwned>(body: &str) -> T {
    serde_json::from_str(body).expect("seed body parses")
}
