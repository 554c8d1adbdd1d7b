//! Rule (b): a route overridden by more specific routes in the same table.
//!
//! **Definition.** Per table, take the distinct destination prefixes of its non-policy routes
//! (pbr routes also match on source, spec alibaba §3.5, so they are not compared here). For a
//! prefix P, its *children* are the prefixes Q ⊂ P in the same table with no other prefix
//! between them (closest container). Longest-prefix match sends Q's addresses to Q's next
//! hops, so:
//! * if the children together cover every address of P, every route for P is **dead**
//!   (Warning): it never carries traffic;
//! * else, if some child's next-hop set differs from P's, P is **partially shadowed** (Info;
//!   Warning when a child blackholes): the message lists which part goes where. Default
//!   routes (`/0`) are never reported as partially shadowed — being a catch-all is their job.

use std::collections::{BTreeMap, BTreeSet};

use ipnet::IpNet;

use crate::finding::{Finding, FindingKind, Severity};
use crate::index::RouteIndex;
use crate::model::route::{NextHop, NextHopKind, Route};
use crate::nest::{parents, size};
use crate::rules::list_some;

fn hops_text(hops: &BTreeSet<&NextHop>) -> String {
    let parts: Vec<String> = hops
        .iter()
        .map(|h| match h.kind {
            NextHopKind::Blackhole => "blackhole".to_owned(),
            NextHopKind::Local => "local".to_owned(),
            _ => h.id.clone(),
        })
        .collect();
    parts.join(" / ")
}

/// Runs rule (b).
pub fn check(index: &RouteIndex<'_>) -> Vec<Finding> {
    let cat = &index.catalog;
    let mut out = Vec::new();
    let mut tables: Vec<_> = cat.routes_by_table.iter().collect();
    tables.sort_by_key(|(id, _)| **id);
    for (table_id, idxs) in tables {
        // BTreeMap keeps destinations sorted by (network, length), as `parents` needs.
        let mut by_dest: BTreeMap<IpNet, Vec<&Route>> = BTreeMap::new();
        for &i in idxs {
            let r = cat.route(i);
            if !r.is_policy() {
                by_dest.entry(r.destination.trunc()).or_default().push(r);
            }
        }
        let dests: Vec<IpNet> = by_dest.keys().copied().collect();
        let parent = parents(&dests);
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); dests.len()];
        for (child, p) in parent.iter().enumerate() {
            if let Some(p) = p {
                children[*p].push(child);
            }
        }
        for (p, kids) in children.iter().enumerate() {
            if kids.is_empty() {
                continue;
            }
            let p_routes = &by_dest[&dests[p]];
            let p_hops: BTreeSet<&NextHop> = p_routes.iter().map(|r| &r.next_hop).collect();
            let covered: u128 = kids
                .iter()
                .fold(0u128, |acc, &k| acc.saturating_add(size(&dests[k])));
            let mut objects: Vec<String> = p_routes.iter().map(|r| r.id.clone()).collect();
            objects.push(table_id.to_string());
            let describe = |k: &usize| {
                let hops: BTreeSet<&NextHop> =
                    by_dest[&dests[*k]].iter().map(|r| &r.next_hop).collect();
                format!("{} (→ {})", dests[*k], hops_text(&hops))
            };
            if covered >= size(&dests[p]) {
                objects.extend(
                    kids.iter()
                        .flat_map(|k| by_dest[&dests[*k]].iter().map(|r| r.id.clone())),
                );
                let list: Vec<String> = kids.iter().map(describe).collect();
                out.push(Finding::new(
                    FindingKind::ShadowedRoute,
                    Severity::Warning,
                    objects,
                    format!(
                        "In table {table_id}, the route to {} via {} never carries traffic: more specific routes {} cover all of it. Remove it, or remove the more specific routes if {} was meant to win.",
                        dests[p], hops_text(&p_hops), list_some(&list, 5), hops_text(&p_hops)
                    ),
                ));
                continue;
            }
            if dests[p].prefix_len() == 0 {
                continue;
            }
            let differing: Vec<usize> = kids
                .iter()
                .copied()
                .filter(|&k| {
                    let hops: BTreeSet<&NextHop> =
                        by_dest[&dests[k]].iter().map(|r| &r.next_hop).collect();
                    hops != p_hops
                })
                .collect();
            if differing.is_empty() {
                continue;
            }
            let blackholes = differing.iter().any(|&k| {
                by_dest[&dests[k]]
                    .iter()
                    .any(|r| r.next_hop.kind == NextHopKind::Blackhole)
            });
            objects.extend(
                differing
                    .iter()
                    .flat_map(|k| by_dest[&dests[*k]].iter().map(|r| r.id.clone())),
            );
            let list: Vec<String> = differing.iter().map(describe).collect();
            out.push(Finding::new(
                FindingKind::ShadowedRoute,
                if blackholes { Severity::Warning } else { Severity::Info },
                objects,
                format!(
                    "In table {table_id}, {} via {} is overridden by more specific routes for {}: the longer prefix wins there, and only the rest of {} still goes via {}.",
                    dests[p], hops_text(&p_hops), list_some(&list, 5), dests[p], hops_text(&p_hops)
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
    use crate::testkit::*;

    fn run(routes: Vec<Route>) -> Vec<Finding> {
        let inv = Inventory {
            routes,
            ..Inventory::default()
        };
        check(&RouteIndex::new(&inv))
    }

    #[test]
    fn partial_shadow_says_which_part_goes_where() {
        let f = run(vec![
            route("a", gwt("vpn-1"), "10.0.0.0/8", to_conn("vco-1")),
            route("b", gwt("vpn-1"), "10.1.0.0/16", to_conn("vco-2")),
        ]);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Info);
        assert!(
            f[0].message.contains("10.1.0.0/16 (→ vco-2)"),
            "{}",
            f[0].message
        );
        assert!(f[0]
            .message
            .contains("rest of 10.0.0.0/8 still goes via vco-1"));
        assert_eq!(f[0].objects, vec!["a", "b", "vpn-1"]);
    }

    #[test]
    fn fully_covered_route_is_dead() {
        let f = run(vec![
            route("a", vtb("vtb-1"), "10.0.0.0/16", to_gw("vpn-1")),
            route("b", vtb("vtb-1"), "10.0.0.0/17", to_gw("vpn-2")),
            route("c", vtb("vtb-1"), "10.0.128.0/17", to_gw("vpn-1")),
        ]);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(f[0].message.contains("never carries traffic"));
    }

    #[test]
    fn blackhole_child_is_warning() {
        let mut b = route(
            "b",
            vtb("vtb-1"),
            "10.9.0.0/16",
            hop(NextHopKind::Blackhole, ""),
        );
        b.next_hop.id.clear();
        let f = run(vec![
            route("a", vtb("vtb-1"), "10.0.0.0/8", to_gw("vpn-1")),
            b,
        ]);
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(f[0].message.contains("blackhole"));
    }

    #[test]
    fn same_next_hop_other_table_default_route_and_pbr_are_quiet() {
        assert!(run(vec![
            route("a", gwt("vpn-1"), "10.0.0.0/8", to_conn("vco-1")),
            route("b", gwt("vpn-1"), "10.1.0.0/16", to_conn("vco-1")),
        ])
        .is_empty());
        assert!(run(vec![
            route("a", gwt("vpn-1"), "10.0.0.0/8", to_conn("vco-1")),
            route("b", gwt("vpn-2"), "10.1.0.0/16", to_conn("vco-2")),
        ])
        .is_empty());
        assert!(run(vec![
            route(
                "a",
                vtb("vtb-1"),
                "0.0.0.0/0",
                hop(NextHopKind::Instance, "ngw-1")
            ),
            route("b", vtb("vtb-1"), "10.1.0.0/16", to_gw("vpn-1")),
        ])
        .is_empty());
        assert!(run(vec![
            route("a", gwt("vpn-1"), "10.0.0.0/8", to_conn("vco-1")),
            pbr(
                route("b", gwt("vpn-1"), "10.1.0.0/16", to_conn("vco-2")),
                "172.16.0.0/12"
            ),
        ])
        .is_empty());
    }
}
