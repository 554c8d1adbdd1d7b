//! Extra rule: blackholes and dangling next hops.
//!
//! **Definition.** (1) A route whose next hop kind is `Blackhole` → Info (deliberate drops are
//! legitimate, but an engineer tracing a failure wants to see them). (2) A route whose next
//! hop refers to an object the inventory does not have: a connection not in `connections`, a
//! VPN gateway neither in `gateways` nor holding a table, a VBR not in `vbrs` → Warning: the
//! route points at something deleted (Alibaba keeps VPN routes keyed by next hop, §3.5) or the
//! sync missed it. Router interfaces, instances and `Other` are not checked: the inventory
//! does not model them.

use crate::finding::{Finding, FindingKind, Severity};
use crate::index::RouteIndex;
use crate::model::route::NextHopKind;

/// Runs the blackhole rule.
pub fn check(index: &RouteIndex<'_>) -> Vec<Finding> {
    let cat = &index.catalog;
    let mut out = Vec::new();
    for r in &cat.inv.routes {
        let id = r.next_hop.id.as_str();
        let (kind_name, known) = match r.next_hop.kind {
            NextHopKind::Blackhole => {
                out.push(Finding::new(
                    FindingKind::Blackhole,
                    Severity::Info,
                    [r.id.clone(), r.table.id.clone()],
                    format!(
                        "Route {} in {} drops all traffic to {} (blackhole); anything more specific still wins.",
                        r.id, r.table.id, r.destination
                    ),
                ));
                continue;
            }
            NextHopKind::Connection => ("connection", cat.connections.contains_key(id)),
            NextHopKind::VpnGateway => (
                "VPN gateway",
                cat.gateways.contains_key(id) || index.table(id).is_some(),
            ),
            NextHopKind::Vbr => ("VBR", cat.vbrs.contains_key(id)),
            _ => continue,
        };
        if !known {
            out.push(Finding::new(
                FindingKind::Blackhole,
                Severity::Warning,
                [r.id.clone(), r.table.id.clone(), id.to_owned()],
                format!(
                    "Route {} in {} sends {} to {kind_name} {id}, which does not exist (deleted, or not synced), so the traffic goes nowhere. Remove the route or point it at a live next hop.",
                    r.id, r.table.id, r.destination
                ),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::context::TunnelState::Up;
    use crate::model::inventory::Inventory;
    use crate::testkit::*;

    #[test]
    fn blackhole_and_dangling() {
        let inv = Inventory {
            routes: vec![
                route(
                    "b",
                    vtb("vtb-1"),
                    "10.9.0.0/16",
                    hop(NextHopKind::Blackhole, ""),
                ),
                route("d", gwt("vpn-1"), "10.8.0.0/16", to_conn("vco-gone")),
                route("ok", gwt("vpn-1"), "10.7.0.0/16", to_conn("vco-1")),
                route("g", vtb("vtb-1"), "10.7.0.0/16", to_gw("vpn-1")),
                route(
                    "i",
                    vtb("vtb-1"),
                    "0.0.0.0/0",
                    hop(NextHopKind::Instance, "i-1"),
                ),
            ],
            connections: vec![conn("vco-1", "vpn-1", "cgw-a", &[Up])],
            ..Inventory::default()
        };
        let mut f = check(&RouteIndex::new(&inv));
        f.sort_by(|a, b| a.objects.cmp(&b.objects));
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(f[0].severity, Severity::Info);
        assert_eq!(f[1].severity, Severity::Warning);
        assert!(f[1].message.contains("vco-gone, which does not exist"));
    }
}
