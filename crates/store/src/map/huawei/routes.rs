//! Huawei routes as neutral [`Route`] rows keyed by [`Route::key`], held by the VPN gateway.
//!
//! * Connection routes (spec §3.7, [`RouteSource::HuaweiConnection`]): `style=static` (or no
//!   style and no rules) → one route per `peer_subnets(_v6)` entry; `style=policy` /
//!   `policy-template` (or no style but rules) → one route per policy rule destination with
//!   the rule's `source` as `source_cidr`. Next hop = the connection (`vpn_connection`).
//!   `style=bgp` connections have no configured routes: what they learn is in the gateway
//!   routing table. Connection routes are configuration: state `Up`, no raw string.
//! * Gateway routing table (spec §3.3): an entry with a non-empty `as_path` was learned over
//!   BGP ([`RouteSource::BgpLearned`]); one without is a static / connected route of the
//!   gateway ([`RouteSource::HuaweiGateway`]). Next hop = `nexthop_resource` id and type when
//!   reported, else the `nexthop` IP with no type. `as_path` kept as text, `med` when it fits
//!   `u32` (else `None`); `origin` and `outbound_interface_ip` stay in `raw`.
//!
//! Entries without a destination are skipped; CIDRs are kept verbatim (see [`crate::map`]).

use super::raw_of;
use crate::map::{configured, route_item, text, unique};
use crate::model::{ResourceItem, Route, RouteSource};
use huawei::types as hw;
use serde_json::json;

/// The configured routes of one connection (see the module docs).
pub fn connection_routes(c: &hw::VpnConnection) -> Vec<ResourceItem> {
    let Some(id) = text(Some(&c.id)) else {
        return Vec::new();
    };
    let holder = text(c.vgw_id.as_deref()).unwrap_or_else(|| id.clone());
    let style = c.style.as_deref().map(|s| s.trim().to_ascii_lowercase());
    let rules: Vec<&hw::PolicyRule> = c.policy_rules.iter().chain(&c.policy_rules_v6).collect();
    let policy = match style.as_deref() {
        Some("policy") | Some("policy-template") => true,
        Some("bgp") => return Vec::new(),
        Some(_) => false,
        None => !rules.is_empty(),
    };
    let base = Route {
        source: RouteSource::HuaweiConnection,
        table_id: holder,
        next_hop: Some(id.clone()),
        next_hop_type: Some("vpn_connection".into()),
        ..Route::default()
    };
    let items = if policy {
        rules
            .iter()
            .flat_map(|r| {
                let (base, id) = (&base, &id);
                r.destination.iter().filter_map(move |d| {
                    let route = Route {
                        destination: text(Some(d))?,
                        source_cidr: text(r.source.as_deref()),
                        ..base.clone()
                    };
                    let raw = json!({"vpn_connection_id": id, "style": c.style,
                                     "policy_rule": raw_of(r)});
                    Some(route_item(route, raw, configured()))
                })
            })
            .collect::<Vec<_>>()
    } else {
        c.peer_subnets
            .iter()
            .chain(&c.peer_subnets_v6)
            .filter_map(|s| {
                let route = Route {
                    destination: text(Some(s))?,
                    ..base.clone()
                };
                let raw = json!({"vpn_connection_id": id, "style": c.style, "peer_subnet": s});
                Some(route_item(route, raw, configured()))
            })
            .collect()
    };
    unique(items)
}

/// One entry of `GET vpn-gateways/{gateway_id}/routing-table`.
pub fn gateway_route(r: &hw::RouteEntry, gateway_id: &str) -> Option<ResourceItem> {
    let as_path = text(r.as_path.as_deref());
    let res = r.nexthop_resource.as_ref();
    let res_id = res.and_then(|n| text(n.id.as_deref()));
    let route = Route {
        source: if as_path.is_some() {
            RouteSource::BgpLearned
        } else {
            RouteSource::HuaweiGateway
        },
        table_id: gateway_id.trim().to_owned(),
        destination: text(r.destination.as_deref())?,
        next_hop_type: res_id
            .as_ref()
            .and_then(|_| res.and_then(|n| text(n.resource_type.as_deref()))),
        next_hop: res_id.or_else(|| text(r.nexthop.as_deref())),
        as_path,
        med: r.med.and_then(|m| u32::try_from(m).ok()),
        ..Route::default()
    };
    Some(route_item(route, raw_of(r), configured()))
}

/// A gateway's whole routing table, duplicates (same key) dropped.
pub fn routing_table(gateway_id: &str, routes: &[hw::RouteEntry]) -> Vec<ResourceItem> {
    unique(routes.iter().filter_map(|r| gateway_route(r, gateway_id)))
}
