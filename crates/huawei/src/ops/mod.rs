//! Typed operations, one file per resource family. Reads are `GET`s (retried on throttling
//! and transient errors); `list_all_*` walk every page for the caller (spec §2.4).

pub(crate) mod account;
mod connections;
mod customer_gateways;
mod gateways;
mod p2c;
mod p2c_servers;

pub use account::TagResourceType;
pub use connections::ListVpnConnectionsFilter;

/// Default page size: the documented maximum for customer gateways, and an explicit value
/// for connections whose documented default is unclear (spec §2.4 table).
pub const DEFAULT_LIMIT: u32 = 200;

/// Path segment encoding for ids (ids are opaque strings, spec §2.1).
pub(crate) fn seg(s: &str) -> String {
    crate::sign::encode(s)
}

pub(crate) fn push_page(
    query: &mut Vec<(String, String)>,
    page: &crate::pagination::PageRequest,
) -> u32 {
    let limit = page.limit.unwrap_or(DEFAULT_LIMIT);
    query.push(("limit".into(), limit.to_string()));
    if let Some(m) = page.marker.as_deref().filter(|m| !m.is_empty()) {
        query.push(("marker".into(), m.to_string()));
    }
    limit
}

pub(crate) fn push_opt(query: &mut Vec<(String, String)>, key: &str, value: Option<&str>) {
    if let Some(v) = value {
        query.push((key.into(), v.into()));
    }
}
