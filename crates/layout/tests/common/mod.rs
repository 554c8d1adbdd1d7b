//! Shared helpers for the integration tests: seeded random graphs and geometric checks.
#![allow(dead_code)]

use layout::{Edge, Graph, Kind, Layout, Node};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const KINDS: [Kind; 5] = [
    Kind::Vpc,
    Kind::VpnGateway,
    Kind::Connection,
    Kind::CustomerGateway,
    Kind::Site,
];

/// Arbitrary graph: random kinds/hints (some none), sizes, cycles, self-loops,
/// duplicate edges and edges skipping ranks.
pub fn random_graph(seed: u64, max_nodes: usize) -> Graph {
    let mut rng = StdRng::seed_from_u64(seed);
    let n = rng.gen_range(1..=max_nodes);
    let mut g = Graph::default();
    for i in 0..n {
        let mut node = Node::new(format!("n{i}"), KINDS[rng.gen_range(0..KINDS.len())]);
        if rng.gen_bool(0.3) {
            node.rank = None;
        }
        node.width = rng.gen_range(20.0..160.0);
        node.height = rng.gen_range(16.0..60.0);
        g.nodes.push(node);
    }
    let m = (n as f64 * rng.gen_range(0.5..2.0)) as usize;
    for _ in 0..m {
        let a = rng.gen_range(0..n);
        let b = if rng.gen_bool(0.05) {
            a
        } else {
            rng.gen_range(0..n)
        };
        g.edges.push(Edge::new(format!("n{a}"), format!("n{b}")));
        if rng.gen_bool(0.1) {
            g.edges.push(Edge::new(format!("n{a}"), format!("n{b}")));
        }
    }
    g
}

/// Pairs of distinct nodes whose rectangles overlap (touching is allowed).
pub fn overlaps(g: &Graph, l: &Layout, skip_pinned_pairs: bool) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for (i, a) in g.nodes.iter().enumerate() {
        for b in &g.nodes[i + 1..] {
            if a.id == b.id || (skip_pinned_pairs && a.pinned.is_some() && b.pinned.is_some()) {
                continue;
            }
            let (pa, pb) = (l.positions[&a.id], l.positions[&b.id]);
            let dx = (pa.x - pb.x).abs() - (a.width + b.width) / 2.0;
            let dy = (pa.y - pb.y).abs() - (a.height + b.height) / 2.0;
            if dx < -0.01 && dy < -0.01 {
                found.push((a.id.clone(), b.id.clone()));
            }
        }
    }
    found
}

/// Crossings of straight edges between adjacent layers, computed from final positions:
/// only edges joining nodes in neighbouring rows count (`rows` maps y to a row index).
pub fn geometric_crossings(g: &Graph, x: &dyn Fn(&str) -> f32, row: &dyn Fn(&str) -> i64) -> usize {
    let segs: Vec<(i64, f32, f32)> = g
        .edges
        .iter()
        .filter(|e| row(&e.to) == row(&e.from) + 1)
        .map(|e| (row(&e.from), x(&e.from), x(&e.to)))
        .collect();
    let mut c = 0;
    for (i, a) in segs.iter().enumerate() {
        for b in &segs[i + 1..] {
            if a.0 == b.0 && (a.1 - b.1) * (a.2 - b.2) < 0.0 {
                c += 1;
            }
        }
    }
    c
}
