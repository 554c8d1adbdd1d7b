//! Aggregation levels: collapse groups of nodes into single group nodes.
//!
//! Every node has a group path from outermost to innermost, e.g.
//! `["aliyun", "aliyun/acct-1", "aliyun/acct-1/gw-7"]` (cloud → account/region →
//! gateway → connection). Group ids must be unique across the whole graph. A node is
//! drawn as the first group on its path that is *not* expanded, or as itself when all
//! are; nodes with an empty path (e.g. sites reached from both clouds) always stay.
//! Group nodes get the id `group:<group id>`, the member count, the worst member state
//! and the smallest member rank hint; edges between the same pair of drawn nodes are
//! merged (counts summed, worst state kept) and edges inside one group disappear.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Edge, Graph, Kind, Node};

pub const GROUP_PREFIX: &str = "group:";

fn representative<'a>(
    node: &'a Node,
    path: &'a [String],
    expanded: &BTreeSet<String>,
) -> (&'a str, bool) {
    match path.iter().find(|g| !expanded.contains(*g)) {
        Some(g) => (g.as_str(), true),
        None => (node.id.as_str(), false),
    }
}

/// The collapsed graph. `groups[i]` is the path of `graph.nodes[i]` (missing = empty).
pub fn aggregate(graph: &Graph, groups: &[Vec<String>], expanded: &BTreeSet<String>) -> Graph {
    let empty: Vec<String> = Vec::new();
    let mut out = Graph::default();
    let mut rep: BTreeMap<&str, String> = BTreeMap::new();
    let mut group_nodes: BTreeMap<&str, Node> = BTreeMap::new();
    for (i, node) in graph.nodes.iter().enumerate() {
        if rep.contains_key(node.id.as_str()) {
            continue; // duplicate id: first wins, as in the layout
        }
        let path = groups.get(i).unwrap_or(&empty);
        let (r, is_group) = representative(node, path, expanded);
        if !is_group {
            rep.insert(&node.id, node.id.clone());
            out.nodes.push(node.clone());
            continue;
        }
        let id = format!("{GROUP_PREFIX}{r}");
        rep.insert(&node.id, id.clone());
        let g = group_nodes.entry(r).or_insert_with(|| {
            let mut g = Node::new(id, Kind::Group);
            g.label = r.rsplit('/').next().unwrap_or(r).to_string();
            g.state = node.state;
            g.rank = node.rank;
            g.members = 0;
            g
        });
        g.members = g.members.saturating_add(node.members);
        g.state = g.state.max(node.state);
        g.rank = match (g.rank, node.rank) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    out.nodes.extend(group_nodes.into_values());
    let mut merged: BTreeMap<(&str, &str), Edge> = BTreeMap::new();
    for e in &graph.edges {
        let (Some(a), Some(b)) = (rep.get(e.from.as_str()), rep.get(e.to.as_str())) else {
            continue;
        };
        if a == b && a.starts_with(GROUP_PREFIX) {
            continue; // internal to a collapsed group
        }
        let m = merged.entry((a, b)).or_insert_with(|| {
            let mut m = Edge::new(a.as_str(), b.as_str());
            m.state = e.state;
            m.count = 0;
            m
        });
        m.count = m.count.saturating_add(e.count);
        m.state = m.state.max(e.state);
    }
    out.edges.extend(merged.into_values());
    out
}

/// Groups to expand so the collapsed graph has at most `max_nodes` nodes: level `L`
/// expands every group at depth `< L`; the deepest level that fits is chosen (level 0,
/// everything collapsed to clouds, when none fits).
pub fn default_expansion(
    graph: &Graph,
    groups: &[Vec<String>],
    max_nodes: usize,
) -> BTreeSet<String> {
    let depth = groups.iter().map(Vec::len).max().unwrap_or(0);
    let expanded_at = |level: usize| -> BTreeSet<String> {
        groups
            .iter()
            .flat_map(|p| p.iter().take(level).cloned())
            .collect()
    };
    let count_at = |level: usize| -> usize {
        let mut seen: BTreeSet<(bool, &str)> = BTreeSet::new();
        for (i, node) in graph.nodes.iter().enumerate() {
            match groups.get(i).and_then(|p| p.get(level)) {
                Some(g) => seen.insert((true, g.as_str())),
                None => seen.insert((false, node.id.as_str())),
            };
        }
        seen.len()
    };
    let level = (0..=depth)
        .rev()
        .find(|&l| count_at(l) <= max_nodes)
        .unwrap_or(0);
    expanded_at(level)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::State;

    fn sample() -> (Graph, Vec<Vec<String>>) {
        let mk = |id: &str, kind, state| {
            let mut n = Node::new(id, kind);
            n.state = state;
            n
        };
        let graph = Graph {
            nodes: vec![
                mk("vpc", Kind::Vpc, State::Up),
                mk("gw", Kind::VpnGateway, State::Up),
                mk("c1", Kind::Connection, State::Down),
                mk("c2", Kind::Connection, State::Up),
                mk("site", Kind::Site, State::Degraded),
            ],
            edges: vec![
                Edge::new("vpc", "gw"),
                Edge::new("gw", "c1"),
                Edge::new("gw", "c2"),
                Edge::new("c1", "site"),
                Edge::new("c2", "site"),
            ],
        };
        let p = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let groups = vec![
            p(&["ali"]),
            p(&["ali", "ali/gw"]),
            p(&["ali", "ali/gw"]),
            p(&["ali", "ali/gw"]),
            vec![],
        ];
        (graph, groups)
    }

    #[test]
    fn collapses_with_counts_and_worst_state() {
        let (g, groups) = sample();
        let expanded: BTreeSet<String> = ["ali".to_string()].into();
        let a = aggregate(&g, &groups, &expanded);
        let ids: Vec<&str> = a.nodes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, vec!["vpc", "site", "group:ali/gw"]);
        let grp = &a.nodes[2];
        assert_eq!(
            (grp.members, grp.state, grp.rank, grp.label.as_str()),
            (3, State::Down, Some(1), "gw")
        );
        let edges: Vec<(&str, &str, u32)> = a
            .edges
            .iter()
            .map(|e| (e.from.as_str(), e.to.as_str(), e.count))
            .collect();
        assert_eq!(
            edges,
            vec![("group:ali/gw", "site", 2), ("vpc", "group:ali/gw", 1)]
        );
    }

    #[test]
    fn fully_collapsed_and_fully_expanded() {
        let (g, groups) = sample();
        let a = aggregate(&g, &groups, &BTreeSet::new());
        assert_eq!(a.nodes.len(), 2); // the cloud group and the shared site
        assert_eq!(a.nodes[1].members, 4);
        let all: BTreeSet<String> = ["ali".to_string(), "ali/gw".to_string()].into();
        let full = aggregate(&g, &groups, &all);
        assert_eq!(full.nodes, g.nodes);
        assert_eq!(full.edges.len(), g.edges.len());
    }

    #[test]
    fn default_expansion_picks_deepest_fitting_level() {
        let (g, groups) = sample();
        assert_eq!(default_expansion(&g, &groups, 5).len(), 2); // everything: 5 nodes
        assert_eq!(
            default_expansion(&g, &groups, 4),
            ["ali".to_string()].into()
        ); // 3 nodes
        assert!(default_expansion(&g, &groups, 1).is_empty());
    }
}
