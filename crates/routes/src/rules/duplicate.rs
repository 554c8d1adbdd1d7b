//! Extra rule: duplicate routes.
//!
//! **Definition.** Two or more routes in the same table with the same destination, the same
//! source (including a pbr's source CIDR) and the same next hop. Alibaba keys VPN routes by
//! (gateway, destination, next hop, weight) (spec alibaba §3.5), so a "duplicate" with two
//! different weights is a leftover of a weight change; with equal weights it is a sync or
//! mapping bug. Info.

use std::collections::BTreeMap;

use crate::finding::{Finding, FindingKind, Severity};
use crate::index::RouteIndex;
use crate::model::route::Route;

/// Runs the duplicate rule.
pub fn check(index: &RouteIndex<'_>) -> Vec<Finding> {
    let inv = index.catalog.inv;
    let mut groups: BTreeMap<_, Vec<&Route>> = BTreeMap::new();
    for r in &inv.routes {
        let key = (
            r.table.id.as_str(),
            r.destination.trunc(),
            r.source.policy_source(),
            r.source.label(),
            &r.next_hop,
        );
        groups.entry(key).or_default().push(r);
    }
    groups
        .into_iter()
        .filter(|(_, rs)| rs.len() > 1)
        .map(|((table, dest, _, label, hop), mut rs)| {
            // Weights are listed in route-id order, not input order.
            rs.sort_by(|a, b| a.id.cmp(&b.id));
            let weights: Vec<String> = rs
                .iter()
                .map(|r| r.weight.map_or("none".to_owned(), |w| w.to_string()))
                .collect();
            let mut objects: Vec<String> = rs.iter().map(|r| r.id.clone()).collect();
            objects.push(table.to_owned());
            Finding::new(
                FindingKind::DuplicateRoute,
                Severity::Info,
                objects,
                format!(
                    "Table {table} holds the {label} to {dest} via {} {} times (weights {}). Delete the extra entries so that weight changes and deletions hit the entry you mean.",
                    hop.id,
                    rs.len(),
                    weights.join(", ")
                ),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::inventory::Inventory;
    use crate::testkit::*;

    fn run(routes: Vec<Route>) -> Vec<Finding> {
        check(&RouteIndex::new(&Inventory {
            routes,
            ..Inventory::default()
        }))
    }

    #[test]
    fn same_dest_and_hop_twice() {
        let f = run(vec![
            weighted(
                route("a", gwt("vpn-1"), "10.0.0.0/16", to_conn("vco-1")),
                100,
            ),
            weighted(route("b", gwt("vpn-1"), "10.0.0.0/16", to_conn("vco-1")), 0),
        ]);
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message.contains("2 times (weights 100, 0)"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn different_hop_table_or_pbr_source_is_not_duplicate() {
        assert!(run(vec![
            route("a", gwt("vpn-1"), "10.0.0.0/16", to_conn("vco-1")),
            route("b", gwt("vpn-1"), "10.0.0.0/16", to_conn("vco-2")),
            route("c", gwt("vpn-2"), "10.0.0.0/16", to_conn("vco-1")),
            pbr(
                route("d", gwt("vpn-1"), "10.0.0.0/16", to_conn("vco-1")),
                "172.16.0.0/16"
            ),
        ])
        .is_empty());
    }
}
