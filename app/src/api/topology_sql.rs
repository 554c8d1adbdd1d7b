//! The drawn topology (server only): the store's graph aggregated to the requested expansion,
//! pins applied, laid out, rendered as SVG, with the side panel's details of every drawn node.

use super::topology::*;
use super::topology_details::state_name;
use super::topology_graph_sql::{graph, StoreGraph};
use super::topology_layouts::Pins;
use crate::error::AppError;
use layout::aggregate::{self, GROUP_PREFIX};
use layout::{Graph, Kind, Layout};
use sqlx::PgPool;
use std::collections::{BTreeMap, BTreeSet};

/// One drawing of the store's graph.
pub struct Drawn {
    pub full: StoreGraph,
    pub expanded: BTreeSet<String>,
    pub shown: Graph,
    pub layout: Layout,
}

/// Aggregates to `expand` (`None` = the deepest level within [`NODE_BUDGET`]), pins the drawn
/// nodes named in `pins` and lays the result out.
pub async fn drawn(
    pool: &PgPool,
    expand: Option<Vec<String>>,
    pins: &Pins,
) -> Result<Drawn, AppError> {
    let full = graph(pool).await?;
    let expanded: BTreeSet<String> = match expand {
        Some(list) => list.into_iter().filter(|g| !g.is_empty()).collect(),
        None => aggregate::default_expansion(&full.graph, &full.groups, NODE_BUDGET),
    };
    let mut shown = aggregate::aggregate(&full.graph, &full.groups, &expanded);
    for node in &mut shown.nodes {
        node.pinned = pins.get(&node.id).map(|[x, y]| (*x, *y));
        if node.kind == Kind::Group {
            // Group names are paths ("Alibaba Cloud › account · region › gateway"): the node
            // shows the innermost part, the panel the whole name.
            let name = node.id.strip_prefix(GROUP_PREFIX).unwrap_or(&node.id);
            node.label = name.rsplit(" › ").next().unwrap_or(name).to_string();
        }
    }
    let layout = layout::layout(&shown, &layout::Options::default(), None);
    Ok(Drawn {
        full,
        expanded,
        shown,
        layout,
    })
}

/// Groups whose enclosing groups are all expanded: the ones a click can toggle now.
fn toggleable(full: &StoreGraph, expanded: &BTreeSet<String>) -> Vec<GroupLink> {
    let mut members: BTreeMap<&String, usize> = BTreeMap::new();
    let mut open: BTreeSet<&String> = BTreeSet::new();
    for path in &full.groups {
        for (depth, g) in path.iter().enumerate() {
            *members.entry(g).or_default() += 1;
            if path[..depth].iter().all(|outer| expanded.contains(outer)) {
                open.insert(g);
            }
        }
    }
    members
        .into_iter()
        .filter(|(g, _)| open.contains(g))
        .map(|(name, n)| GroupLink {
            name: name.clone(),
            expanded: expanded.contains(name),
            members: n,
        })
        .collect()
}

fn details(d: &Drawn) -> Vec<NodeDetail> {
    let mut out: Vec<NodeDetail> = d
        .shown
        .nodes
        .iter()
        .map(|n| {
            let mut detail = match n.kind {
                Kind::Group => {
                    let group = n.id.strip_prefix(GROUP_PREFIX).unwrap_or(&n.id);
                    NodeDetail {
                        id: n.id.clone(),
                        kind: "Collapsed group".to_string(),
                        label: group.to_string(),
                        state: String::new(),
                        place: None,
                        facts: vec![("Nodes inside".to_string(), n.members.to_string())],
                        links: Vec::new(),
                        pinned: false,
                        members: n.members,
                        group: Some(group.to_string()),
                    }
                }
                _ => d
                    .full
                    .details
                    .get(&n.id)
                    .cloned()
                    .unwrap_or_else(|| NodeDetail {
                        id: n.id.clone(),
                        kind: n.kind.label().to_string(),
                        label: n.label.clone(),
                        state: String::new(),
                        place: None,
                        facts: Vec::new(),
                        links: Vec::new(),
                        pinned: false,
                        members: 1,
                        group: None,
                    }),
            };
            // The drawn state: customer gateways, sites and groups take theirs from paths.
            detail.state = state_name(n.state).to_string();
            detail.pinned = n.pinned.is_some();
            detail
        })
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

pub async fn view(
    pool: &PgPool,
    expand: Option<Vec<String>>,
    pins: &Pins,
) -> Result<TopologyView, AppError> {
    let d = drawn(pool, expand, pins).await?;
    Ok(TopologyView {
        svg: layout::svg::render(&d.shown, &d.layout),
        nodes: d.shown.nodes.len(),
        edges: d.shown.edges.len(),
        total_nodes: d.full.graph.nodes.len(),
        groups: toggleable(&d.full, &d.expanded),
        details: details(&d),
        pinned: d.shown.nodes.iter().filter(|n| n.pinned.is_some()).count(),
        expanded: d.expanded.into_iter().collect(),
    })
}
