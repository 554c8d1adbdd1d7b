//! Builds the topology graph from the committed store and lays it out (server only).

use super::topology::*;
use crate::error::AppError;
use layout::{aggregate, Edge, Graph, Kind, Node, State};
use sqlx::{PgPool, Row};
use std::collections::{BTreeMap, BTreeSet};

fn state(s: &str) -> State {
    match s {
        "up" => State::Up,
        "partial" | "pending" => State::Degraded,
        "down" => State::Down,
        _ => State::Unknown,
    }
}

fn cloud_name(cloud: &str) -> &'static str {
    crate::components::rollups::cloud_label(cloud)
}

/// The full graph and, per node, its aggregation path (cloud, account · region, gateway).
pub async fn graph(pool: &PgPool) -> Result<(Graph, Vec<Vec<String>>), AppError> {
    let rows = sqlx::query(
        "SELECT a.cloud, a.name AS account, r.region, r.kind, r.cloud_id, r.name, r.parent_id, r.state, \
           r.site_key, r.attrs ->> 'vpc_id' AS vpc_id, r.attrs ->> 'customer_gateway_id' AS cgw \
         FROM resource_current r JOIN cloud_account a ON a.id = r.account_id \
         WHERE r.kind IN ('vpc', 'vpn_gateway', 'connection', 'customer_gateway', 'vbr', 'physical_connection') \
         ORDER BY a.cloud, a.name, r.region, r.kind, r.cloud_id",
    )
    .fetch_all(pool)
    .await?;
    // Gateway names, to name the gateway groups connections fall into.
    let mut gateway_names: BTreeMap<(String, String, String), String> = BTreeMap::new();
    for r in rows
        .iter()
        .filter(|r| r.try_get::<String, _>("kind").ok().as_deref() == Some("vpn_gateway"))
    {
        let key: (String, String, String) = (
            r.try_get("account")?,
            r.try_get("region")?,
            r.try_get("cloud_id")?,
        );
        let name: Option<String> = r.try_get("name")?;
        let id = key.2.clone();
        gateway_names.insert(key, name.unwrap_or(id));
    }
    let mut graph = Graph::default();
    let mut groups = Vec::new();
    let mut site_of_cgw: BTreeMap<(String, String), String> = BTreeMap::new();
    let mut sites: BTreeMap<String, (String, State)> = BTreeMap::new();
    let mut pending_edges: Vec<(String, String, State, Option<String>)> = Vec::new();
    for r in &rows {
        let (cloud, account, region): (String, String, String) = (
            r.try_get("cloud")?,
            r.try_get("account")?,
            r.try_get("region")?,
        );
        let (kind, id, st): (String, String, String) = (
            r.try_get("kind")?,
            r.try_get("cloud_id")?,
            r.try_get("state")?,
        );
        let name: Option<String> = r.try_get("name")?;
        let scope = format!("{account}/{region}");
        let node_id = |k: &str, i: &str| format!("{scope}/{k}/{i}");
        let cloud_group = cloud_name(&cloud).to_string();
        let region_group = format!("{cloud_group} › {account} · {region}");
        let kind_enum = match kind.as_str() {
            "vpc" => Kind::Vpc,
            "vpn_gateway" => Kind::VpnGateway,
            "connection" => Kind::Connection,
            "vbr" => Kind::Vbr,
            "physical_connection" => Kind::PhysicalConnection,
            _ => {
                // A customer gateway only names its site; sites are drawn once for all clouds.
                let site: Option<String> = r.try_get("site_key")?;
                if let Some(site) = site {
                    site_of_cgw.insert((scope.clone(), id.clone()), site.clone());
                    sites
                        .entry(site)
                        .or_insert((name.unwrap_or(id), State::Unknown));
                }
                continue;
            }
        };
        let mut node = Node::new(node_id(&kind, &id), kind_enum);
        node.label = name.unwrap_or_else(|| id.clone());
        node.state = state(&st);
        let mut path = vec![cloud_group.clone(), region_group.clone()];
        match kind_enum {
            Kind::VpnGateway => {
                if let Some(vpc) = r.try_get::<Option<String>, _>("vpc_id")? {
                    pending_edges.push((node_id("vpc", &vpc), node.id.clone(), State::Up, None));
                }
                path.push(format!("{region_group} › {}", node.label));
            }
            Kind::Connection => {
                let gateway: Option<String> = r.try_get("parent_id")?;
                if let Some(gw) = &gateway {
                    pending_edges.push((
                        node_id("vpn_gateway", gw),
                        node.id.clone(),
                        node.state,
                        None,
                    ));
                    let key = (account.clone(), region.clone(), gw.clone());
                    let gw_name = gateway_names
                        .get(&key)
                        .cloned()
                        .unwrap_or_else(|| gw.clone());
                    path.push(format!("{region_group} › {gw_name}"));
                }
                if let Some(cgw) = r.try_get::<Option<String>, _>("cgw")? {
                    pending_edges.push((
                        node.id.clone(),
                        String::new(),
                        node.state,
                        Some(format!("{scope}\u{0}{cgw}")),
                    ));
                }
            }
            _ => {}
        }
        graph.nodes.push(node);
        groups.push(path);
    }
    for (from, to, st, cgw) in pending_edges {
        let to = match cgw {
            Some(key) => {
                let (scope, cgw) = key.split_once('\u{0}').unwrap_or_default();
                match site_of_cgw.get(&(scope.to_string(), cgw.to_string())) {
                    Some(site) => {
                        let entry = sites
                            .get_mut(site)
                            .expect("site registered with its customer gateway");
                        entry.1 = worse(entry.1, st);
                        format!("site/{site}")
                    }
                    None => continue,
                }
            }
            None => to,
        };
        let mut edge = Edge::new(from, to);
        edge.state = st;
        graph.edges.push(edge);
    }
    for (key, (label, st)) in sites {
        let mut node = Node::new(format!("site/{key}"), Kind::Site);
        node.label = label;
        node.state = st;
        graph.nodes.push(node);
        groups.push(Vec::new());
    }
    Ok((graph, groups))
}

/// Worst of two states, for a site reached by several connections: any up path keeps it up
/// as "degraded" at worst, none up makes it down.
fn worse(site: State, connection: State) -> State {
    match (site, connection) {
        (State::Unknown, c) => c,
        (s, c) if s == c => s,
        (State::Up, _) | (_, State::Up) => State::Degraded,
        _ => State::Down,
    }
}

pub async fn view(pool: &PgPool, expand: Option<Vec<String>>) -> Result<TopologyView, AppError> {
    let (graph, groups) = graph(pool).await?;
    let expanded: BTreeSet<String> = match expand {
        Some(list) => list.into_iter().filter(|g| !g.is_empty()).collect(),
        None => aggregate::default_expansion(&graph, &groups, NODE_BUDGET),
    };
    let shown = aggregate::aggregate(&graph, &groups, &expanded);
    let drawn = layout::layout(&shown, &layout::Options::default(), None);
    let mut members: BTreeMap<&String, usize> = BTreeMap::new();
    for path in &groups {
        for g in path {
            *members.entry(g).or_default() += 1;
        }
    }
    Ok(TopologyView {
        svg: layout::svg::render(&shown, &drawn),
        nodes: shown.nodes.len(),
        edges: shown.edges.len(),
        total_nodes: graph.nodes.len(),
        groups: members
            .into_iter()
            .map(|(name, n)| GroupLink {
                name: name.clone(),
                expanded: expanded.contains(name),
                members: n,
            })
            .collect(),
        expanded: expanded.into_iter().collect(),
    })
}
