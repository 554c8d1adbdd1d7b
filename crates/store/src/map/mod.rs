//! Mapping the clouds' wire types into the neutral model, for the sync engine. Pure
//! functions: the store still never calls the clouds, it only knows their payload shapes.
//!
//! Conventions shared by both clouds:
//!
//! * `cloud_id` is the cloud's own id; id-less things get a stable synthetic key: routes use
//!   [`Route::key`] (`source|holder|destination|source cidr|next hop`), sessions and tunnels
//!   `<owner>#…`.
//! * `parent_id` is the owner: a route's table / gateway / VBR (the same as `Route::table_id`),
//!   a session's VBR, a server's gateway.
//! * `raw` is the wire value re-serialized and redacted with the cloud's own `redact_json`
//!   (PSKs, BGP `AuthKey`s…).
//! * Values are never invented: a missing or unrecognised status is `State::Unknown` with the
//!   cloud's string kept in `raw`. Configuration objects that have no status of their own
//!   (regions, route tables, routes, SSL-VPN servers without a status) are `Up` with no raw
//!   string, like customer gateways: they exist as configured.
//! * Strings are kept as reported (trimmed; empty means absent). CIDRs are not parsed here, so
//!   a malformed CIDR never fails a mapping: it is stored verbatim for the analysis layer to
//!   reject. An item without the field that identifies it (an id, a route destination) is
//!   skipped (`None` / left out of the `Vec`).
//! * Numbers the neutral model narrows (`u64`/`i64` → `u32`) become `None` when out of range.

pub mod aliyun;
pub mod huawei;

use crate::model::{ResourceItem, Route, Spec, State, StateValue};
use serde_json::Value;
use std::collections::HashSet;

/// Keeps the first item of each `cloud_id`: a snapshot must not hold one twice, and clouds
/// occasionally list a route twice (paging overlap, ECMP members with the same next hop).
pub fn unique(items: impl IntoIterator<Item = ResourceItem>) -> Vec<ResourceItem> {
    let mut seen = HashSet::new();
    items
        .into_iter()
        .filter(|it| seen.insert(it.cloud_id.clone()))
        .collect()
}

/// Trimmed, non-empty text.
pub(crate) fn text(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// The state of a configuration object with no status of its own.
pub(crate) fn configured() -> StateValue {
    StateValue::new(State::Up, None)
}

/// A route row: keyed by [`Route::key`], owned by its holder (`table_id`).
pub(crate) fn route_item(route: Route, raw: Value, state: StateValue) -> ResourceItem {
    let parent = text(Some(&route.table_id));
    let mut it = ResourceItem::new(route.key(), Spec::Route(route), raw);
    it.parent_id = parent;
    it.state = state;
    it
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RouteSource;
    use serde_json::json;

    #[test]
    fn unique_keeps_the_first_of_each_key() {
        let r = Route {
            source: RouteSource::BgpNetwork,
            table_id: "vbr-1".into(),
            destination: "10.0.0.0/24".into(),
            ..Route::default()
        };
        let a = route_item(r.clone(), json!({"n": 1}), configured());
        let b = route_item(r, json!({"n": 2}), configured());
        let out = unique([a.clone(), b]);
        assert_eq!(out, vec![a]);
        assert_eq!(out[0].parent_id.as_deref(), Some("vbr-1"));
    }

    #[test]
    fn text_drops_blank() {
        assert_eq!(text(Some("  ")), None);
        assert_eq!(text(Some(" a ")).as_deref(), Some("a"));
        assert_eq!(text(None), None);
    }
}
