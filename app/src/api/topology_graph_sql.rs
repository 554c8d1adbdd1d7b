//! The connectivity graph from the committed store (server only): VPC / VBR → VPN gateway →
//! connection → its tunnels → customer gateway → site, with physical connections under their
//! VBRs and router interfaces between their routers. Customer gateways of both clouds that
//! share a site key lead to one site node. Edges carry the worst state of the tunnels and BGP
//! sessions behind them, so a down BGP session shows on the line that depends on it.

use super::topology::NodeDetail;
use super::topology_details::details;
use super::topology_rows_sql::{combine_paths, resources, Resource};
use crate::error::AppError;
use layout::{Edge, Graph, Kind, Node, State};
use sqlx::PgPool;
use std::collections::{BTreeMap, BTreeSet};

/// The graph, each node's aggregation path (cloud → account · region → gateway → connection)
/// and each node's details for the side panel, by node id.
pub struct StoreGraph {
    pub graph: Graph,
    pub groups: Vec<Vec<String>>,
    pub details: BTreeMap<String, NodeDetail>,
}

/// Group names must be unique across the graph: a second entity with the same label gets its
/// id appended.
fn unique_group(name: String, id: &str, taken: &mut BTreeMap<String, String>) -> String {
    match taken.get(&name) {
        Some(owner) if owner != id => unique_group(format!("{name} ({id})"), id, taken),
        _ => {
            taken.insert(name.clone(), id.to_string());
            name
        }
    }
}

pub async fn graph(pool: &PgPool) -> Result<StoreGraph, AppError> {
    Ok(build(&resources(pool).await?))
}

/// Builds the graph from the store's rows (pure, so every rule is testable on its own rows).
pub fn build(rows: &[Resource]) -> StoreGraph {
    type Key = (String, String, String);
    let of_kind = |k: &'static str| rows.iter().filter(move |r| r.kind == k);
    // What edges depend on: BGP sessions by what they run over, tunnels by connection.
    let mut bgp: BTreeMap<Key, State> = BTreeMap::new();
    for s in of_kind("bgp_session") {
        if let Some(over) = s.attr("over_id") {
            let w = bgp.entry(s.key(&over)).or_insert(State::Up);
            *w = (*w).max(s.state);
        }
    }
    let bgp_of = |r: &Resource, id: &str| bgp.get(&r.key(id)).copied().unwrap_or(State::Up);
    let mut tunnels: BTreeMap<Key, Vec<&Resource>> = BTreeMap::new();
    for t in of_kind("tunnel") {
        if let Some(c) = &t.parent {
            tunnels.entry(t.key(c)).or_default().push(t);
        }
    }
    let vpc_of_router: BTreeMap<Key, &Resource> = of_kind("vpc")
        .filter_map(|v| Some((v.key(&v.attr("vrouter_id")?), v)))
        .collect();
    let mut out = StoreGraph {
        graph: Graph::default(),
        groups: Vec::new(),
        details: BTreeMap::new(),
    };
    let mut taken = BTreeMap::new();
    let region_group = |r: &Resource| {
        let cloud = crate::components::rollups::cloud_label(&r.cloud);
        (
            cloud.to_string(),
            format!("{cloud} › {} · {}", r.account, r.region),
        )
    };
    let mut gateway_group: BTreeMap<Key, String> = BTreeMap::new();
    for g in of_kind("vpn_gateway") {
        let (_, region) = region_group(g);
        let name = unique_group(
            format!("{region} › {}", g.label()),
            &g.node(&g.kind, &g.id),
            &mut taken,
        );
        gateway_group.insert(g.key(&g.id), name);
    }
    let mut site_paths: BTreeMap<String, State> = BTreeMap::new();
    let mut cgw_paths: BTreeMap<String, State> = BTreeMap::new();
    let mut edges: Vec<(String, String, State)> = Vec::new();
    let add = |out: &mut StoreGraph, r: &Resource, kind: Kind, path: Vec<String>| {
        let mut node = Node::new(r.node(&r.kind, &r.id), kind);
        node.label = r.label();
        node.state = r.state;
        out.details.insert(node.id.clone(), details(r, kind));
        out.graph.nodes.push(node);
        out.groups.push(path);
    };
    for r in rows {
        let (cloud, region) = region_group(r);
        let base = vec![cloud, region];
        let me = r.node(&r.kind, &r.id);
        match r.kind.as_str() {
            "vpc" => add(&mut out, r, Kind::Vpc, base),
            "vbr" => {
                if let Some(pc) = &r.parent {
                    let st = r.state.max(bgp_of(r, &r.id));
                    edges.push((me.clone(), r.node("physical_connection", pc), st));
                }
                add(&mut out, r, Kind::Vbr, base)
            }
            "physical_connection" => add(&mut out, r, Kind::PhysicalConnection, base),
            "router_interface" => {
                if let Some(router) = &r.parent {
                    let owner = match vpc_of_router.get(&r.key(router)) {
                        Some(vpc) => vpc.node("vpc", &vpc.id),
                        None => r.node("vbr", router),
                    };
                    edges.push((owner, me.clone(), r.state));
                }
                // One edge per pair of interfaces, from the smaller id.
                if let Some(other) = r.attr("opposite_interface_id").filter(|o| *o > r.id) {
                    edges.push((me.clone(), r.node("router_interface", &other), r.state));
                }
                add(&mut out, r, Kind::RouterInterface, base)
            }
            "vpn_gateway" => {
                if let Some(vpc) = r.attr("vpc_id") {
                    edges.push((r.node("vpc", &vpc), me.clone(), r.state));
                }
                let mut path = base;
                path.extend(gateway_group.get(&r.key(&r.id)).cloned());
                add(&mut out, r, Kind::VpnGateway, path)
            }
            "connection" => {
                let ts = tunnels.get(&r.key(&r.id)).map(Vec::as_slice).unwrap_or(&[]);
                let via_tunnels = ts.iter().map(|t| t.state.max(bgp_of(t, &t.id))).max();
                let worst = r
                    .state
                    .max(bgp_of(r, &r.id))
                    .max(via_tunnels.unwrap_or(State::Up));
                let mut path = base;
                if let Some(gw) = &r.parent {
                    edges.push((r.node("vpn_gateway", gw), me.clone(), worst));
                    path.extend(gateway_group.get(&r.key(gw)).cloned());
                }
                let group = unique_group(
                    format!(
                        "{} › {}",
                        path.last().cloned().unwrap_or_default(),
                        r.label()
                    ),
                    &me,
                    &mut taken,
                );
                path.push(group);
                let cgw = r
                    .attr("customer_gateway_id")
                    .map(|c| r.node("customer_gateway", &c));
                for t in ts {
                    let st = t.state.max(bgp_of(t, &t.id));
                    let tunnel = t.node("tunnel", &t.id);
                    edges.push((me.clone(), tunnel.clone(), st));
                    if let Some(cgw) = &cgw {
                        edges.push((tunnel.clone(), cgw.clone(), st));
                        let p = cgw_paths.entry(cgw.clone()).or_insert(State::Unknown);
                        *p = combine_paths(*p, st);
                    }
                    add(&mut out, t, Kind::Tunnel, path.clone());
                }
                if let (Some(cgw), true) = (&cgw, ts.is_empty()) {
                    edges.push((me.clone(), cgw.clone(), worst));
                    let p = cgw_paths.entry(cgw.clone()).or_insert(State::Unknown);
                    *p = combine_paths(*p, worst);
                }
                add(&mut out, r, Kind::Connection, path)
            }
            "customer_gateway" => add(&mut out, r, Kind::CustomerGateway, base),
            _ => {}
        }
    }
    // Customer gateways take the state of the paths through them; sites combine those.
    let mut sites: BTreeMap<String, &Resource> = BTreeMap::new();
    let cgws: BTreeMap<String, &Resource> = of_kind("customer_gateway")
        .map(|r| (r.node(&r.kind, &r.id), r))
        .collect();
    for node in out.graph.nodes.iter_mut() {
        let Some(r) = cgws.get(&node.id) else {
            continue;
        };
        node.state = cgw_paths.get(&node.id).copied().unwrap_or(State::Unknown);
        if let Some(site) = &r.site_key {
            let s = site_paths.entry(site.clone()).or_insert(State::Unknown);
            *s = combine_paths(*s, node.state);
            sites.entry(site.clone()).or_insert(r);
            edges.push((node.id.clone(), format!("site/{site}"), node.state));
        }
    }
    for (key, first) in sites {
        let mut node = Node::new(format!("site/{key}"), Kind::Site);
        node.label = first.label();
        node.state = site_paths[&key];
        out.details
            .insert(node.id.clone(), super::topology_details::site(first, &key));
        out.graph.nodes.push(node);
        out.groups.push(Vec::new());
    }
    let ids: BTreeSet<&str> = out.graph.nodes.iter().map(|n| n.id.as_str()).collect();
    for (from, to, st) in edges {
        if ids.contains(from.as_str()) && ids.contains(to.as_str()) {
            let mut e = Edge::new(from, to);
            e.state = st;
            out.graph.edges.push(e);
        }
    }
    out
}
