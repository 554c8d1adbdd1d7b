//! Huawei wire types (`huawei::types`) → neutral rows.
//!
//! * [`vpn`]: site-to-site gateways, customer gateways, connections (+ tunnel, BGP session).
//! * [`routes`]: connection routes (static `peer_subnets`, policy rules) and the gateway
//!   routing table (spec §3.3, §3.7).
//! * [`p2c`]: P2C (client VPN) gateways and their VPN servers (spec §3.9–3.10).
//!
//! Everything is re-exported here, so callers use `store::map::huawei::<fn>`.

pub mod p2c;
pub mod routes;
pub mod vpn;

pub use p2c::{p2c_gateway, vpn_server};
pub use routes::{connection_routes, gateway_route, routing_table};
pub use vpn::{connection, customer_gateway, vpn_gateway};

use serde::Serialize;
use serde_json::Value;

/// The wire value, re-serialized and redacted (`psk`, passwords…).
pub(crate) fn raw_of<T: Serialize>(v: &T) -> Value {
    let mut raw = serde_json::to_value(v).unwrap_or(Value::Null);
    huawei::redact_json(&mut raw);
    raw
}

#[cfg(test)]
mod tests;
