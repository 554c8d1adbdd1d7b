//! Walking the tables hop by hop.
//!
//! Start: the first route table of `from_vpc` (Alibaba lists the system table first); for a
//! VPC known only as a gateway's attachment (Huawei), that gateway's routing table. Without
//! a VPC, the start is the VPC route table with the most specific match for the destination
//! (ties: lowest table id); if no VPC table matches, the gateway table with the most specific
//! match. Then, at each table, [`select`] picks a route and its next hop decides what follows:
//! * `VpnGateway` → continue in that gateway's table (dbr/pbr, alibaba §3.5);
//! * `Connection` → the connection, its first `Up` tunnel in preference order (a down master
//!   falls over to the other tunnel), its customer gateway (the site) → delivered;
//! * `Vbr` / `RouterInterface` (VPC side of a VBR link) → VBR → its leased line → delivered;
//! * `Instance` / `Other` / `Local` → delivered; `Blackhole` → dropped.
//!
//! The walk stops with `Loop` when it enters a table it already visited and with `HopLimit`
//! after [`MAX_TABLE_HOPS`] table lookups, so a bad route set can never make it spin.

use std::collections::HashSet;

use crate::index::RouteIndex;
use crate::model::route::{NextHopKind, TableKind};
use crate::trace::select::{select, Selection};
use crate::trace::start::start_table;
use crate::trace::{Hop, HopKind, Outcome, Trace, TraceQuery};

/// Maximum number of table lookups in one trace.
pub const MAX_TABLE_HOPS: usize = 16;

fn hop(kind: HopKind, id: &str, note: String) -> Hop {
    Hop {
        kind,
        id: id.to_owned(),
        matched: None,
        note,
    }
}

pub(super) fn table_kind(index: &RouteIndex<'_>, table: &str) -> Option<TableKind> {
    let first = *index.catalog.routes_by_table.get(table)?.first()?;
    Some(index.catalog.route(first).table.kind)
}

/// Runs one trace.
pub fn run(index: &RouteIndex<'_>, q: &TraceQuery) -> Trace {
    let mut hops = Vec::new();
    let outcome = walk(index, q, &mut hops);
    Trace {
        query: q.clone(),
        hops,
        outcome,
    }
}

fn walk(index: &RouteIndex<'_>, q: &TraceQuery, hops: &mut Vec<Hop>) -> Outcome {
    let cat = &index.catalog;
    let mut table = match start_table(index, q) {
        Ok(t) => t,
        Err(o) => return o,
    };
    let mut visited: HashSet<String> = HashSet::new();
    for _ in 0..MAX_TABLE_HOPS {
        if !visited.insert(table.clone()) {
            return Outcome::Loop { table };
        }
        let kind = match table_kind(index, &table) {
            Some(TableKind::VpcRouteTable) | None => HopKind::VpcRouteTable,
            Some(TableKind::VpnGateway) => HopKind::VpnGateway,
            Some(TableKind::HuaweiGateway) => HopKind::HuaweiGateway,
            Some(TableKind::VbrRouteTable) => HopKind::VbrRouteTable,
        };
        let Some(lpm) = index.table(&table) else {
            hops.push(hop(kind, &table, "table has no routes".into()));
            return Outcome::NoRoute { table };
        };
        let (chosen, matched) = match select(index, lpm, q.destination, q.source) {
            Selection::NoMatch => {
                hops.push(hop(
                    kind,
                    &table,
                    format!("no route matches {}", q.destination),
                ));
                return Outcome::NoRoute { table };
            }
            Selection::AllDown(routes) => {
                let mut conns: Vec<String> = routes
                    .iter()
                    .map(|&i| cat.route(i).next_hop.id.clone())
                    .collect();
                conns.dedup();
                hops.push(hop(
                    kind,
                    &table,
                    format!(
                        "every matching route goes to a connection that is down: {}",
                        conns.join(", ")
                    ),
                ));
                return Outcome::NextHopDown { connections: conns };
            }
            Selection::Chosen(i, m) => (cat.route(i), m),
        };
        let next = &chosen.next_hop;
        let mut h = hop(
            kind,
            &table,
            format!("{} → {:?} {}", chosen.source.label(), next.kind, next.id),
        );
        h.matched = Some(matched);
        hops.push(h);
        match next.kind {
            NextHopKind::VpnGateway => table = next.id.clone(),
            NextHopKind::Connection => return via_connection(index, &next.id, hops),
            NextHopKind::Vbr => {
                return via_vbr(
                    index,
                    cat.vbrs.get(next.id.as_str()).copied(),
                    &next.id,
                    hops,
                )
            }
            NextHopKind::RouterInterface => {
                return via_vbr(
                    index,
                    cat.vbr_by_interface.get(next.id.as_str()).copied(),
                    &next.id,
                    hops,
                )
            }
            NextHopKind::Blackhole => {
                return Outcome::Blackhole {
                    route: chosen.id.clone(),
                }
            }
            NextHopKind::Local => {
                // The most specific vSwitch (then the lowest id), not the first listed.
                let vsw = cat
                    .inv
                    .vswitches
                    .iter()
                    .filter(|s| s.cidr.contains(&q.destination))
                    .min_by(|a, b| (b.cidr.prefix_len(), &a.id).cmp(&(a.cidr.prefix_len(), &b.id)));
                let note = vsw.map_or("inside the VPC".to_owned(), |s| {
                    format!("vSwitch {} ({})", s.id, s.cidr)
                });
                let at = vsw.map_or(table.clone(), |s| s.id.clone());
                hops.push(hop(HopKind::Local, &at, note));
                return Outcome::Delivered { at };
            }
            NextHopKind::Instance | NextHopKind::Other => {
                hops.push(hop(
                    HopKind::Instance,
                    &next.id,
                    "leaves the routing domain here".into(),
                ));
                return Outcome::Delivered {
                    at: next.id.clone(),
                };
            }
        }
    }
    Outcome::HopLimit
}

fn via_connection(index: &RouteIndex<'_>, id: &str, hops: &mut Vec<Hop>) -> Outcome {
    let cat = &index.catalog;
    let Some(conn) = cat.connections.get(id) else {
        return Outcome::Unresolved { id: id.to_owned() };
    };
    hops.push(hop(
        HopKind::Connection,
        id,
        format!("gateway {} ↔ {}", conn.gateway_id, conn.customer_gateway_id),
    ));
    let skipped: Vec<String> = conn
        .tunnels
        .iter()
        .take_while(|t| !t.state.is_up())
        .map(|t| format!("{} is {:?}", t.id, t.state))
        .collect();
    match conn.active_tunnel() {
        Some(t) if skipped.is_empty() => hops.push(hop(
            HopKind::Tunnel,
            &t.id,
            "active tunnel (first in preference order, up)".into(),
        )),
        Some(t) => hops.push(hop(
            HopKind::Tunnel,
            &t.id,
            format!(
                "failover: {}; {} is up and carries the traffic",
                skipped.join(", "),
                t.id
            ),
        )),
        None if !conn.tunnels.is_empty() && conn.all_tunnels_down() => {
            return Outcome::NextHopDown {
                connections: vec![id.to_owned()],
            };
        }
        None => {
            let note =
                "no tunnel reports up; state unknown or in transition, assuming the first tunnel"
                    .to_owned();
            let tid = conn.tunnels.first().map_or(id, |t| t.id.as_str());
            hops.push(hop(HopKind::Tunnel, tid, note));
        }
    }
    let cgw = conn.customer_gateway_id.as_str();
    hops.push(hop(HopKind::CustomerGateway, cgw, cat.cgw_label(cgw)));
    Outcome::Delivered { at: cgw.to_owned() }
}

fn via_vbr(
    index: &RouteIndex<'_>,
    vbr: Option<&crate::model::context::Vbr>,
    via: &str,
    hops: &mut Vec<Hop>,
) -> Outcome {
    let Some(vbr) = vbr else {
        return Outcome::Unresolved { id: via.to_owned() };
    };
    hops.push(hop(
        HopKind::Vbr,
        &vbr.id,
        format!("VBR state {:?}", vbr.state),
    ));
    let Some(pc_id) = vbr.physical_connection_id.as_deref() else {
        return Outcome::Delivered { at: vbr.id.clone() };
    };
    let note = index
        .catalog
        .lines
        .get(pc_id)
        .map_or("leased line (not in inventory)".to_owned(), |p| {
            format!("leased line to {} ({:?})", p.peer_location, p.state)
        });
    hops.push(hop(HopKind::PhysicalConnection, pc_id, note));
    Outcome::Delivered {
        at: pc_id.to_owned(),
    }
}
