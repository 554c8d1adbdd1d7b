//! Alibaba wire types (`aliyun::types`) → neutral rows.
//!
//! * [`vpn`]: VPN gateways, customer gateways, IPsec connections (+ tunnels, BGP, health).
//! * [`vpc`]: regions, VPCs, vSwitches, route tables.
//! * [`routes`]: VPC route entries, VPN destination / policy routes, VBR BGP networks.
//! * [`hybrid`]: VBRs, router interfaces, physical connections, VBR BGP peers.
//! * [`ssl`]: SSL-VPN servers.
//!
//! Everything is re-exported here, so callers use `store::map::aliyun::<fn>`.

pub mod hybrid;
pub mod routes;
pub mod ssl;
pub mod vpc;
pub mod vpn;

pub use hybrid::{bgp_peer, bgp_sessions, physical_connection, router_interface, vbr};
pub use routes::{
    bgp_network, route_entry, routes_of_route_table, routes_of_route_tables, vpn_pbr_route_entry,
    vpn_route_entry,
};
pub use ssl::ssl_vpn_server;
pub use vpc::{region, route_table, route_table_list_item, v_switch, vpc};
pub use vpn::{connection, customer_gateway, phases, vpn_gateway, ConnectionRows};

use crate::model::state::aliyun_lifecycle;
use crate::model::{State, StateValue};
use serde::Serialize;
use serde_json::Value;

/// The wire value, re-serialized and redacted (`Psk`, `AuthKey`…).
pub(crate) fn raw_of<T: Serialize>(v: &T) -> Value {
    let mut raw = serde_json::to_value(v).unwrap_or(Value::Null);
    aliyun::redact_json(&mut raw);
    raw
}

/// A comma-separated CIDR list (`LocalSubnet`, `RemoteSubnet`).
pub(crate) fn split(csv: Option<&str>) -> Vec<String> {
    csv.unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Epoch milliseconds → RFC 3339.
pub(crate) fn ms(t: Option<i64>) -> Option<String> {
    t.and_then(aliyun::time::from_epoch_ms)
        .map(|t| t.to_rfc3339())
}

/// Lifecycle of the VPC / Express Connect family: [`aliyun_lifecycle`] plus the statuses it
/// does not know (spec §3.12–3.14): VBR `unconfirmed` / `terminating` / `recovering`, line
/// `Initial` … `Allocated`, router interface `Idle` / `Connecting` / `Deactivating` are
/// pending or down; `SecurityLocked` freezes like `FinancialLocked`.
pub(crate) fn lifecycle(raw: Option<&str>, business: Option<&str>) -> StateValue {
    let b = business.unwrap_or("").trim().to_ascii_lowercase();
    if b == "securitylocked" {
        return StateValue::new(State::Down, business);
    }
    let v = aliyun_lifecycle(raw, business);
    if v.state != State::Unknown {
        return v;
    }
    let norm: String = raw
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    let s = match norm.as_str() {
        "unconfirmed" | "terminating" | "recovering" | "initial" | "approved" | "allocating"
        | "allocated" | "connecting" | "deactivating" => State::Pending,
        "canceled" | "cancelled" | "allocationfailed" | "idle" | "deleted" => State::Down,
        _ => State::Unknown,
    };
    StateValue::new(s, raw)
}

#[cfg(test)]
mod tests;
