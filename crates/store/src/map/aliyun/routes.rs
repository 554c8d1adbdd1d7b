//! Alibaba routes of every source, as neutral [`Route`] rows keyed by [`Route::key`]:
//!
//! * VPC / VBR route table entries (spec §3.11): `Type=BGP` entries are
//!   [`RouteSource::BgpLearned`], `System` / `Custom` ones [`RouteSource::VpcRouteEntry`];
//!   next hop = `InstanceId` + `NextHopType`. An ECMP entry (`NextHops.NextHop[]`) yields one
//!   row per member, with the member's id, type and weight; a member with `Enabled=0` is
//!   `Down` (raw `"Enabled=0"`). State otherwise from `Status` (`Available` up, `Pending` /
//!   `Modifying` pending).
//! * VPN gateway destination routes and policy routes (§3.5): next hop = the IPsec connection
//!   (`NextHop`, type `VpnConnection`), `Weight` as sent (0 standby / 100 preferred),
//!   `published` from `State` (`published` / `normal`, other values → `None`). State `Up` for
//!   `normal` / `published`, else `Unknown`, raw string kept.
//! * VBR BGP networks (§3.15): prefixes the VBR advertises, holder = the VBR.
//!
//! Entries without a destination are skipped; destinations are not parsed (see [`crate::map`]).

use super::{lifecycle, raw_of};
use crate::map::{configured, route_item, text};
use crate::model::{ResourceItem, Route, RouteSource, State, StateValue};
use aliyun::types::bgp::BgpNetwork;
use aliyun::types::route_table::{RouteEntry, RouteTable};
use aliyun::types::vpn_route::{VpnPbrRouteEntry, VpnRouteEntry};

/// One VPC / VBR route table entry → one row, or one per ECMP member. `table_id` is used when
/// the entry does not name its table.
pub fn route_entry(e: &RouteEntry, table_id: Option<&str>) -> Vec<ResourceItem> {
    let Some(destination) = text(e.destination_cidr_block.as_deref()) else {
        return Vec::new();
    };
    let table_id = text(e.route_table_id.as_deref())
        .or_else(|| text(table_id))
        .unwrap_or_default();
    let source = match e.r#type.as_deref().map(str::trim) {
        Some(t) if t.eq_ignore_ascii_case("bgp") => RouteSource::BgpLearned,
        _ => RouteSource::VpcRouteEntry,
    };
    let state = match text(e.status.as_deref()) {
        Some(s) => lifecycle(Some(&s), None),
        None => configured(),
    };
    let base = Route {
        source,
        table_id,
        destination,
        ..Route::default()
    };
    let raw = raw_of(e);
    if e.next_hops.items.is_empty() {
        let route = Route {
            next_hop: text(e.instance_id.as_deref()),
            next_hop_type: text(e.next_hop_type.as_deref()),
            ..base
        };
        return vec![route_item(route, raw, state)];
    }
    e.next_hops
        .items
        .iter()
        .map(|h| {
            let route = Route {
                next_hop: text(h.next_hop_id.as_deref()),
                next_hop_type: text(h.next_hop_type.as_deref()),
                weight: h.weight,
                ..base.clone()
            };
            let state = if h.enabled == Some(0) {
                StateValue::new(State::Down, Some("Enabled=0"))
            } else {
                state.clone()
            };
            route_item(route, raw.clone(), state)
        })
        .collect()
}

/// All entries of a `DescribeRouteTables` table (they come inline, as `RouteEntrys`).
pub fn routes_of_route_table(t: &RouteTable) -> Vec<ResourceItem> {
    t.route_entrys
        .items
        .iter()
        .flat_map(|e| route_entry(e, t.route_table_id.as_deref()))
        .collect()
}

/// The entries of many tables, duplicates (same key) dropped: ready for one snapshot.
pub fn routes_of_route_tables(tables: &[RouteTable]) -> Vec<ResourceItem> {
    crate::map::unique(tables.iter().flat_map(routes_of_route_table))
}

fn published(state: Option<&str>) -> Option<bool> {
    match state.map(|s| s.trim().to_ascii_lowercase()).as_deref() {
        Some("published") => Some(true),
        Some("normal") => Some(false),
        _ => None,
    }
}

fn vpn_state(state: Option<&str>) -> StateValue {
    let s = if published(state).is_some() {
        State::Up
    } else {
        State::Unknown
    };
    StateValue::new(s, state)
}

/// `VpnRouteEntry` (destination-based, "dbr") → route row held by the VPN gateway
/// (`VpnInstanceId`, else `gateway_id`). Name = `Description`.
pub fn vpn_route_entry(e: &VpnRouteEntry, gateway_id: Option<&str>) -> Option<ResourceItem> {
    let next_hop = text(e.next_hop.as_deref());
    let route = Route {
        source: RouteSource::VpnDestination,
        table_id: text(e.vpn_instance_id.as_deref())
            .or_else(|| text(gateway_id))
            .unwrap_or_default(),
        destination: text(e.route_dest.as_deref())?,
        next_hop_type: next_hop.as_ref().map(|_| "VpnConnection".to_owned()),
        next_hop,
        weight: e.weight,
        published: published(e.state.as_deref()),
        ..Route::default()
    };
    let mut it = route_item(route, raw_of(e), vpn_state(e.state.as_deref()));
    it.name = text(e.description.as_deref());
    Some(it)
}

/// `VpnPbrRouteEntry` (policy-based, "pbr") → route row with `source_cidr` = `RouteSource`.
pub fn vpn_pbr_route_entry(e: &VpnPbrRouteEntry, gateway_id: Option<&str>) -> Option<ResourceItem> {
    let next_hop = text(e.next_hop.as_deref());
    let route = Route {
        source: RouteSource::VpnPolicy,
        table_id: text(e.vpn_instance_id.as_deref())
            .or_else(|| text(gateway_id))
            .unwrap_or_default(),
        destination: text(e.route_dest.as_deref())?,
        source_cidr: text(e.route_source.as_deref()),
        next_hop_type: next_hop.as_ref().map(|_| "VpnConnection".to_owned()),
        next_hop,
        weight: e.weight,
        published: published(e.state.as_deref()),
        ..Route::default()
    };
    let mut it = route_item(route, raw_of(e), vpn_state(e.state.as_deref()));
    it.name = text(e.description.as_deref());
    Some(it)
}

/// `BgpNetwork` → route row held by the VBR (`RouterId`, else `vbr_id`: the seed examples
/// omit `RouterId`, the caller knows which VBR it asked about). No next hop: the VBR
/// advertises the prefix itself.
pub fn bgp_network(n: &BgpNetwork, vbr_id: Option<&str>) -> Option<ResourceItem> {
    let route = Route {
        source: RouteSource::BgpNetwork,
        table_id: text(n.router_id.as_deref())
            .or_else(|| text(vbr_id))
            .unwrap_or_default(),
        destination: text(n.dst_cidr_block.as_deref())?,
        ..Route::default()
    };
    Some(route_item(route, raw_of(n), configured()))
}
