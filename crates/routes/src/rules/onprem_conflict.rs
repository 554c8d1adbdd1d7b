//! Rule (a): the same on-premises prefix, or overlapping ones, behind different customer
//! gateways.
//!
//! **Definition.** An *on-prem claim* is a triple (prefix P, connection K, customer gateway C
//! of K) taken from (1) every route in a VPN-gateway or Huawei-gateway table whose next hop is
//! connection K (dbr, pbr, BGP-learned, Huawei connection/gateway routes — spec alibaba §3.5,
//! huawei §3.3/§3.7) and (2) every `remote_subnets` entry of K (`RemoteSubnet` /
//! `peer_subnets`). Claims are grouped by *scope*: the VPC the gateway serves if known, else
//! the gateway. Two claims in one scope conflict when their prefixes overlap (equal or nested)
//! and their customer gateways differ. Severity:
//! * equal prefixes, both routed with equal weights → **Error** (the gateway load-shares
//!   between two sites; sessions break);
//! * equal prefixes, routes with different weights → **Info** (active/standby to two sites,
//!   spec §3.5 weight 100 vs 0 — often a deliberate DR design);
//! * otherwise (nested prefixes, or no weights known) → **Warning**.

use std::collections::{BTreeSet, HashMap};

use ipnet::IpNet;

use crate::finding::{Finding, FindingKind, Severity};
use crate::index::RouteIndex;
use crate::model::route::{NextHopKind, TableKind};
use crate::nest::{for_each_nested_pair, sorted_order};

#[derive(Debug, Clone)]
struct Claim<'a> {
    net: IpNet,
    conn: &'a str,
    cgw: &'a str,
    gateway: &'a str,
    weight: Option<u32>,
    route: Option<&'a str>,
}

fn claims<'a>(index: &RouteIndex<'a>) -> HashMap<&'a str, Vec<Claim<'a>>> {
    let cat = &index.catalog;
    let scope_of = |gw: &'a str| -> &'a str {
        cat.gateways
            .get(gw)
            .and_then(|g| g.vpc_id.as_deref())
            .unwrap_or(gw)
    };
    let mut by_scope: HashMap<&str, Vec<Claim>> = HashMap::new();
    for r in &cat.inv.routes {
        let gateway_table = matches!(
            r.table.kind,
            TableKind::VpnGateway | TableKind::HuaweiGateway
        );
        if !gateway_table || r.next_hop.kind != NextHopKind::Connection {
            continue;
        }
        let Some(cgw) = cat.cgw_of(&r.next_hop.id) else {
            continue; // dangling next hop: reported by the blackhole rule
        };
        by_scope
            .entry(scope_of(&r.table.id))
            .or_default()
            .push(Claim {
                net: r.destination.trunc(),
                conn: &r.next_hop.id,
                cgw,
                gateway: &r.table.id,
                weight: r.weight,
                route: Some(&r.id),
            });
    }
    for c in &cat.inv.connections {
        for net in &c.remote_subnets {
            by_scope
                .entry(scope_of(&c.gateway_id))
                .or_default()
                .push(Claim {
                    net: net.trunc(),
                    conn: &c.id,
                    cgw: &c.customer_gateway_id,
                    gateway: &c.gateway_id,
                    weight: None,
                    route: None,
                });
        }
    }
    by_scope
}

/// Runs rule (a).
pub fn check(index: &RouteIndex<'_>) -> Vec<Finding> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for (scope, mut list) in claims(index) {
        // Claims arrive in input order; a total order makes which claim of a pair is named
        // first (and so the message) independent of it.
        list.sort_by_key(|c| (c.net, c.conn, c.cgw, c.gateway, c.weight, c.route));
        let order = sorted_order(&list, |c| c.net);
        let nets: Vec<IpNet> = order.iter().map(|&i| list[i].net).collect();
        for_each_nested_pair(&nets, |a, b| {
            let (x, y) = (&list[order[a]], &list[order[b]]);
            if x.cgw == y.cgw {
                return;
            }
            // One finding per (prefix, connection) pair, whichever source each claim came from.
            let key = (scope, x.net, x.conn, y.net, y.conn, x.weight, y.weight);
            if seen.insert(key) {
                out.push(finding(index, scope, x, y));
            }
        });
    }
    out
}

fn finding(index: &RouteIndex<'_>, scope: &str, x: &Claim<'_>, y: &Claim<'_>) -> Finding {
    let cat = &index.catalog;
    let (lx, ly) = (cat.cgw_label(x.cgw), cat.cgw_label(y.cgw));
    let mut objects: Vec<String> = [x.conn, y.conn, x.cgw, y.cgw, x.gateway, y.gateway]
        .iter()
        .map(|s| s.to_string())
        .collect();
    objects.extend(x.route.iter().chain(y.route.iter()).map(|s| s.to_string()));
    let where_ = if scope == x.gateway {
        format!("on gateway {scope}")
    } else {
        format!("in {scope}")
    };
    let (severity, message) = if x.net == y.net {
        let head = format!(
            "{} is reached through two different customer gateways {where_}: {lx} via {} and {ly} via {}",
            x.net, x.conn, y.conn
        );
        match (x.weight, y.weight) {
            (Some(wx), Some(wy)) if wx != wy => {
                let (hi, lo) = if wx > wy { (x, y) } else { (y, x) };
                (
                    Severity::Info,
                    format!(
                        "{head}; traffic follows the higher weight ({} via {}, weight {}) and {} only takes over when it fails. Fine for a deliberate DR pair; if the two sites are different networks, renumber one or remove the standby route.",
                        hi.cgw, hi.conn, hi.weight.unwrap_or(0), lo.conn
                    ),
                )
            }
            (Some(w), Some(_)) => (
                Severity::Error,
                format!(
                    "{head}; both routes have weight {w}, so the gateway load-shares (ECMP) across two different sites and sessions break. Set one route's weight to 0 (standby) or remove it."
                ),
            ),
            _ => (
                Severity::Warning,
                format!(
                    "{head}; which site receives the traffic depends on the gateway's routes and weights. Make sure only one connection announces it, or make one path standby (weight 0)."
                ),
            ),
        }
    } else {
        (
            Severity::Warning,
            format!(
                "{} (behind {lx} via {}) overlaps {} (behind {ly} via {}) {where_}: addresses in {} go to {} because the more specific prefix wins, the rest of {} to {}. If hosts of {} also live at {}, they are unreachable from the cloud.",
                x.net, x.conn, y.net, y.conn, y.net, y.cgw, x.net, x.cgw, y.net, x.cgw
            ),
        )
    };
    Finding::new(FindingKind::OnPremConflict, severity, objects, message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::context::TunnelState::Up;
    use crate::model::inventory::Inventory;
    use crate::testkit::*;

    fn base() -> Inventory {
        Inventory {
            gateways: vec![gateway("vpn-1", Some("vpc-1"))],
            connections: vec![
                conn("vco-1", "vpn-1", "cgw-a", &[Up]),
                conn("vco-7", "vpn-1", "cgw-b", &[Up]),
            ],
            customer_gateways: vec![
                cgw("cgw-a", "Shanghai DC", "203.0.113.10"),
                cgw("cgw-b", "Frankfurt colo", "198.51.100.7"),
            ],
            ..Inventory::default()
        }
    }

    fn run(inv: &Inventory) -> Vec<Finding> {
        check(&RouteIndex::new(inv))
    }

    #[test]
    fn same_prefix_equal_weight_is_error_and_names_sites() {
        let mut inv = base();
        inv.routes = vec![
            weighted(
                route("r1", gwt("vpn-1"), "10.20.0.0/16", to_conn("vco-1")),
                100,
            ),
            weighted(
                route("r7", gwt("vpn-1"), "10.20.0.0/16", to_conn("vco-7")),
                100,
            ),
        ];
        let f = run(&inv);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Error);
        assert!(f[0]
            .message
            .contains("cgw-a (Shanghai DC, 203.0.113.10) via vco-1"));
        assert!(f[0].message.contains("cgw-b (Frankfurt colo"));
        assert!(f[0].objects.contains(&"r7".to_string()));
    }

    #[test]
    fn different_weights_are_info_and_say_who_wins() {
        let mut inv = base();
        inv.routes = vec![
            weighted(
                route("r1", gwt("vpn-1"), "10.20.0.0/16", to_conn("vco-1")),
                0,
            ),
            weighted(
                route("r7", gwt("vpn-1"), "10.20.0.0/16", to_conn("vco-7")),
                100,
            ),
        ];
        let f = run(&inv);
        assert_eq!(f[0].severity, Severity::Info);
        assert!(
            f[0].message.contains("cgw-b via vco-7, weight 100"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn nested_remote_subnets_overlap_is_warning() {
        let mut inv = base();
        inv.connections[0].remote_subnets = vec![net("10.20.0.0/16")];
        inv.connections[1].remote_subnets = vec![net("10.20.5.0/24")];
        let f = run(&inv);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(f[0]
            .message
            .contains("addresses in 10.20.5.0/24 go to cgw-b"));
    }

    #[test]
    fn same_site_or_disjoint_prefixes_are_fine() {
        let mut inv = base();
        inv.connections[1].customer_gateway_id = "cgw-a".into();
        inv.routes = vec![
            route("r1", gwt("vpn-1"), "10.20.0.0/16", to_conn("vco-1")),
            route("r7", gwt("vpn-1"), "10.20.0.0/16", to_conn("vco-7")),
        ];
        assert!(run(&inv).is_empty());
        let mut inv = base();
        inv.routes = vec![
            route("r1", gwt("vpn-1"), "10.20.0.0/16", to_conn("vco-1")),
            route("r7", gwt("vpn-1"), "10.21.0.0/16", to_conn("vco-7")),
        ];
        assert!(run(&inv).is_empty());
    }

    #[test]
    fn different_vpcs_are_separate_scopes() {
        let mut inv = base();
        inv.gateways.push(gateway("vpn-2", Some("vpc-2")));
        inv.connections[1].gateway_id = "vpn-2".into();
        inv.routes = vec![
            route("r1", gwt("vpn-1"), "10.20.0.0/16", to_conn("vco-1")),
            route("r7", gwt("vpn-2"), "10.20.0.0/16", to_conn("vco-7")),
        ];
        assert!(run(&inv).is_empty());
    }
}
