//! Rule (e): routes that exist in one direction only between a VPC route table and the VPN
//! gateway serving that VPC.
//!
//! **Definitions.**
//! * **(e1) gateway route not reachable from the VPC.** A route R in an Alibaba VPN-gateway
//!   table G (dbr or pbr, next hop a connection) towards on-prem prefix P, where G's VPC V is
//!   known and at least one of V's route tables is in the inventory, and R is not published
//!   (`published != Some(true)`; a published entry is installed into the VPC system table by
//!   the cloud, spec alibaba §3.5 PublishVpnRouteEntry). For each of V's route tables T, take
//!   the longest route in T whose destination contains all of P:
//!   - none → Warning "not published": instances using T cannot reach P at all;
//!   - one whose next hops do not include gateway G → Warning "asymmetric": traffic from T to
//!     P leaves elsewhere while the site's traffic arrives through G.
//!
//!   One finding per (G, P, T), however many dbr/pbr routes to P the gateway has.
//! * **(e2) VPC route into a gateway that has nowhere to send it.** A route in a VPC route
//!   table with next hop VPN gateway G and destination P, where G is known (listed in
//!   `gateways` or has a table), but G's table has no route whose destination contains P, is
//!   contained in P or equals P → Error: the gateway drops that traffic.

use std::collections::BTreeSet;

use crate::finding::{Finding, FindingKind, Severity};
use crate::index::RouteIndex;
use crate::model::route::{Cloud, NextHopKind, TableKind};

/// Runs rule (e).
pub fn check(index: &RouteIndex<'_>) -> Vec<Finding> {
    let mut out = gateway_not_reachable(index);
    out.extend(vpc_route_into_void(index));
    out
}

fn gateway_not_reachable(index: &RouteIndex<'_>) -> Vec<Finding> {
    let cat = &index.catalog;
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    // One finding per (gateway, prefix, table) names the first route: take them by id so
    // that is the same route whatever the input order.
    let mut routes: Vec<_> = cat.inv.routes.iter().collect();
    routes.sort_by(|a, b| a.id.cmp(&b.id));
    for r in routes {
        let is_vpn_route = r.table.kind == TableKind::VpnGateway
            && r.table.cloud == Cloud::Alibaba
            && r.next_hop.kind == NextHopKind::Connection;
        if !is_vpn_route || r.published == Some(true) {
            continue;
        }
        let gw = r.table.id.as_str();
        let Some(vpc) = cat.vpc_of_gateway(gw) else {
            continue;
        };
        for t in &vpc.route_table_ids {
            let Some(table) = index.table(t) else {
                continue;
            };
            if !seen.insert((gw, r.destination, t.as_str())) {
                continue;
            }
            let Some((prefix, items)) = table.covering(r.destination) else {
                out.push(Finding::new(
                    FindingKind::OneWayRoute,
                    Severity::Warning,
                    [r.id.clone(), gw.to_owned(), t.clone(), vpc.id.clone()],
                    format!(
                        "VPN gateway {gw} has a route to {} via {}, but route table {t} of {} has no route covering it and the entry is not published: instances in {} cannot reach {} (replies to on-prem traffic leave by another path or are dropped). Publish the route (PublishVpnRouteEntry) or add a custom route to {gw}.",
                        r.destination, r.next_hop.id, vpc.id, vpc.id, r.destination
                    ),
                ));
                continue;
            };
            let to_gw = items.iter().any(|&i| {
                let h = &cat.route(i).next_hop;
                h.kind == NextHopKind::VpnGateway && h.id == gw
            });
            if !to_gw {
                let ids: Vec<String> = items.iter().map(|&i| cat.route(i).id.clone()).collect();
                let hops: Vec<String> = items
                    .iter()
                    .map(|&i| cat.route(i).next_hop.id.clone())
                    .collect();
                let mut objects = vec![r.id.clone(), gw.to_owned(), t.clone(), vpc.id.clone()];
                objects.extend(ids.iter().cloned());
                out.push(Finding::new(
                    FindingKind::OneWayRoute,
                    Severity::Warning,
                    objects,
                    format!(
                        "VPN gateway {gw} routes {} to on-prem via {}, but route table {t} of {} sends it to {} (route {} for {prefix}): traffic from the VPC leaves by a different path than the site's traffic arrives (asymmetric). Publish the gateway route or point {t} at {gw} if the tunnel is meant to carry it.",
                        r.destination, r.next_hop.id, vpc.id, hops.join(" / "), ids.join(", ")
                    ),
                ));
            }
        }
    }
    out
}

fn vpc_route_into_void(index: &RouteIndex<'_>) -> Vec<Finding> {
    let cat = &index.catalog;
    let mut out = Vec::new();
    for r in &cat.inv.routes {
        if r.table.kind != TableKind::VpcRouteTable || r.next_hop.kind != NextHopKind::VpnGateway {
            continue;
        }
        let gw = r.next_hop.id.as_str();
        let table = index.table(gw);
        if table.is_none() && !cat.gateways.contains_key(gw) {
            continue; // unknown gateway: a dangling next hop, reported by the blackhole rule
        }
        let served = table
            .is_some_and(|t| t.covering(r.destination).is_some() || t.any_within(r.destination));
        if !served {
            out.push(Finding::new(
                FindingKind::OneWayRoute,
                Severity::Error,
                [r.id.clone(), r.table.id.clone(), gw.to_owned()],
                format!(
                    "Route table {} sends {} to VPN gateway {gw}, but {gw} has no destination, policy or BGP route for any part of it, so the gateway drops that traffic. Add a VPN route to the right connection on {gw}, or remove route {}.",
                    r.table.id, r.destination, r.id
                ),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::inventory::Inventory;
    use crate::model::route::Route;
    use crate::testkit::*;

    fn inv(routes: Vec<Route>) -> Inventory {
        Inventory {
            routes,
            vpcs: vec![vpc("vpc-1", &["172.16.0.0/16"], &["vtb-1"])],
            gateways: vec![gateway("vpn-1", Some("vpc-1"))],
            ..Inventory::default()
        }
    }

    fn local() -> Route {
        route(
            "sys",
            vtb("vtb-1"),
            "172.16.0.0/24",
            hop(NextHopKind::Local, ""),
        )
    }

    #[test]
    fn unpublished_gateway_route_without_vpc_route() {
        let f = check(&RouteIndex::new(&inv(vec![
            local(),
            route("g1", gwt("vpn-1"), "10.20.0.0/16", to_conn("vco-1")),
        ])));
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("not published"));
        assert_eq!(f[0].objects, vec!["g1", "vpc-1", "vpn-1", "vtb-1"]);
    }

    #[test]
    fn published_or_covered_by_vpc_route_is_fine() {
        let mut g = route("g1", gwt("vpn-1"), "10.20.0.0/16", to_conn("vco-1"));
        g.published = Some(true);
        assert!(check(&RouteIndex::new(&inv(vec![local(), g.clone()]))).is_empty());
        g.published = Some(false);
        let v = route("v1", vtb("vtb-1"), "10.0.0.0/8", to_gw("vpn-1"));
        assert!(check(&RouteIndex::new(&inv(vec![local(), g, v]))).is_empty());
    }

    #[test]
    fn vpc_route_elsewhere_is_asymmetric() {
        let f = check(&RouteIndex::new(&inv(vec![
            route("g1", gwt("vpn-1"), "10.20.0.0/16", to_conn("vco-1")),
            route(
                "v1",
                vtb("vtb-1"),
                "10.0.0.0/8",
                hop(NextHopKind::Vbr, "vbr-1"),
            ),
        ])));
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("asymmetric"));
        assert!(f[0].message.contains("vbr-1"));
    }

    #[test]
    fn vpc_route_to_gateway_without_vpn_route_is_error() {
        let f = check(&RouteIndex::new(&inv(vec![
            route("v1", vtb("vtb-1"), "10.30.0.0/16", to_gw("vpn-1")),
            route("g1", gwt("vpn-1"), "10.20.0.0/16", to_conn("vco-1")),
            route("v2", vtb("vtb-1"), "10.20.0.0/16", to_gw("vpn-1")),
        ])));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Error);
        assert_eq!(f[0].objects, vec!["v1", "vpn-1", "vtb-1"]);
    }

    #[test]
    fn default_route_to_gateway_served_by_more_specific_vpn_routes() {
        let f = check(&RouteIndex::new(&inv(vec![
            route("v1", vtb("vtb-1"), "0.0.0.0/0", to_gw("vpn-1")),
            route("g1", gwt("vpn-1"), "10.20.0.0/16", to_conn("vco-1")),
        ])));
        assert!(f.is_empty(), "{f:?}");
    }
}
