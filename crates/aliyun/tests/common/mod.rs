//! Shared helpers for the seed-example tests.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Parses a documented response body like the client does (envelope unwrapped), and checks
/// that the typed value round-trips through its own serialization.
pub fn parse<T>(body: &str) -> T
where
    T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug,
{
    let raw: serde_json::Value = serde_json::from_str(body).expect("seed example is JSON");
    let typed: T = serde_json::from_value(aliyun::response::unwrap_envelope(raw))
        .expect("seed example parses into the typed response");
    let again: T = serde_json::from_value(serde_json::to_value(&typed).unwrap())
        .expect("typed value deserializes from its own serialization");
    assert_eq!(typed, again, "round trip changed the value");
    typed
}
