//! One test per typed operation: the response example of seed 004 (Huawei VPN API reference,
//! `shared/seeds/004_f82d3f556421c883.txt`) parses into the type that operation decodes.
//!
//! The seed is OCR'd. Examples are quoted with only the OCR damage repaired: broken
//! brackets/commas (`L`, `h`, `1` for `}`, `]`), curly/`™` quotes, and digits read as letters
//! in timestamps (`...24.9237` for `...24.923Z`). Masked values (`88.*** *** 251`) are kept.

mod connections;
mod gateways;
mod p2c;
mod p2c_servers;

/// Parses `json` as `T`, failing the test with serde's message.
pub(super) fn parse<T: serde::de::DeserializeOwned>(json: &str) -> T {
    match serde_json::from_str(json) {
        Ok(v) => v,
        Err(e) => panic!("seed example does not parse: {e}"),
    }
}
