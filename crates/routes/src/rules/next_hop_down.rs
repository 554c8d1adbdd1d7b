//! Extra rule: routes whose next hop connection is down on every tunnel.
//!
//! **Definition.** A route whose next hop is a connection that is in the inventory, has at
//! least one tunnel, and whose tunnels are all `Down`/`Error` (huawei §5.3 tunnel state;
//! Alibaba `ike_sa_not_established` / `ipsec_sa_not_established`, alibaba §3.4.2).
//! Severity: Warning when another route in the same table with the same destination and
//! source has a usable next hop (that standby carries the traffic), else Error (traffic to
//! the destination is lost).

use std::collections::HashMap;

use crate::finding::{Finding, FindingKind, Severity};
use crate::index::RouteIndex;
use crate::model::route::{NextHopKind, Route, RouteState};

/// Runs the next-hop-down rule.
pub fn check(index: &RouteIndex<'_>) -> Vec<Finding> {
    let cat = &index.catalog;
    let down = |r: &Route| {
        r.next_hop.kind == NextHopKind::Connection
            && cat
                .connections
                .get(r.next_hop.id.as_str())
                .is_some_and(|c| !c.tunnels.is_empty() && c.all_tunnels_down())
    };
    let mut groups: HashMap<_, Vec<&Route>> = HashMap::new();
    for r in &cat.inv.routes {
        groups
            .entry((
                r.table.id.as_str(),
                r.destination.trunc(),
                r.source.policy_source(),
            ))
            .or_default()
            .push(r);
    }
    let mut out = Vec::new();
    for ((table, dest, _), mut rs) in groups {
        // The standby named is the lowest id, whatever the input order; an inactive route
        // (not forwarding, ignored by the trace) carries nothing.
        rs.sort_by(|a, b| a.id.cmp(&b.id));
        let standby: Vec<&Route> = rs
            .iter()
            .copied()
            .filter(|r| !down(r) && r.state != RouteState::Inactive)
            .collect();
        for r in rs.iter().filter(|r| down(r)) {
            let mut objects = vec![r.id.clone(), r.next_hop.id.clone(), table.to_owned()];
            let (severity, tail) = if let Some(s) = standby.first() {
                objects.push(s.id.clone());
                (
                    Severity::Warning,
                    format!(
                        "route {} via {} carries the traffic meanwhile",
                        s.id, s.next_hop.id
                    ),
                )
            } else {
                (Severity::Error, format!("nothing else in {table} covers {dest} with this length, so that traffic is lost"))
            };
            out.push(Finding::new(
                FindingKind::NextHopDown,
                severity,
                objects,
                format!(
                    "Route {} in {table} sends {dest} to connection {}, whose tunnels are all down; {tail}. Check the IKE/IPsec negotiation log of {}.",
                    r.id, r.next_hop.id, r.next_hop.id
                ),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::context::TunnelState::{Down, Error, Unknown, Up};
    use crate::model::inventory::Inventory;
    use crate::testkit::*;

    fn inv(routes: Vec<Route>) -> Inventory {
        Inventory {
            routes,
            connections: vec![
                conn("vco-1", "vpn-1", "cgw-a", &[Down, Error]),
                conn("vco-2", "vpn-1", "cgw-a", &[Down, Up]),
                conn("vco-3", "vpn-1", "cgw-a", &[Unknown]),
            ],
            ..Inventory::default()
        }
    }

    #[test]
    fn all_down_without_standby_is_error() {
        let f = check(&RouteIndex::new(&inv(vec![route(
            "r1",
            gwt("vpn-1"),
            "10.0.0.0/16",
            to_conn("vco-1"),
        )])));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
    }

    #[test]
    fn standby_downgrades_to_warning() {
        let f = check(&RouteIndex::new(&inv(vec![
            weighted(
                route("r1", gwt("vpn-1"), "10.0.0.0/16", to_conn("vco-1")),
                100,
            ),
            weighted(
                route("r2", gwt("vpn-1"), "10.0.0.0/16", to_conn("vco-2")),
                0,
            ),
        ])));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(f[0].message.contains("r2 via vco-2"));
    }

    #[test]
    fn one_tunnel_up_or_unknown_state_is_not_down() {
        assert!(check(&RouteIndex::new(&inv(vec![
            route("r2", gwt("vpn-1"), "10.0.0.0/16", to_conn("vco-2")),
            route("r3", gwt("vpn-1"), "10.1.0.0/16", to_conn("vco-3")),
        ])))
        .is_empty());
    }
}
