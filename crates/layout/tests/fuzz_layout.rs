//! Fuzzing the layout input: arbitrary graphs (cycles, self-loops, duplicate and dangling
//! edges, repeated ids, several components) with arbitrary rank hints, sizes and pins —
//! NaN, infinities, negative, zero and huge values included — in free and stable mode, then
//! aggregation and SVG rendering. Nothing may panic or hang, and:
//! * every distinct id gets one finite position, every edge a route of finite points;
//! * nodes of sane size never overlap (pinned pairs excepted: two pins may collide);
//! * a finite pin is kept exactly; the result is deterministic and ignores input order.
//!
//! Short by default; `PROPTEST_CASES=N` (see `scripts/fuzz.sh`) for a long run.
mod common;
#[path = "../../aliyun/tests/fuzz_support/harness.rs"]
mod harness;

use std::collections::BTreeSet;

use harness::{bounded, config};
use layout::aggregate::{aggregate, default_expansion};
use layout::{layout, svg, Edge, Graph, Kind, Node, Options, State};
use proptest::prelude::*;

const KINDS: [Kind; 10] = [
    Kind::Vpc,
    Kind::Vbr,
    Kind::RouterInterface,
    Kind::VpnGateway,
    Kind::PhysicalConnection,
    Kind::Connection,
    Kind::Tunnel,
    Kind::CustomerGateway,
    Kind::Site,
    Kind::Group,
];

fn size() -> impl Strategy<Value = f32> {
    prop_oneof![
        8 => 1.0f32..200.0,
        1 => prop::sample::select(vec![0.0, -5.0, f32::NAN, f32::INFINITY, f32::NEG_INFINITY, 1e30, f32::MAX, f32::MIN_POSITIVE]),
    ]
}

fn coordinate() -> impl Strategy<Value = f32> {
    prop_oneof![
        6 => -2000.0f32..2000.0,
        1 => prop::sample::select(vec![f32::NAN, f32::INFINITY, f32::NEG_INFINITY, 1e30, -1e30, 0.0]),
    ]
}

fn rank() -> impl Strategy<Value = Option<u32>> {
    prop_oneof![
        3 => Just(None),
        6 => (0u32..8).prop_map(Some),
        1 => prop::sample::select(vec![u32::MAX, u32::MAX - 1, 1 << 31, 100_000]).prop_map(Some),
    ]
}

fn state() -> impl Strategy<Value = State> {
    prop::sample::select(vec![
        State::Up,
        State::Unknown,
        State::Degraded,
        State::Down,
    ])
}

/// A graph over ids `n0..n{k}` (a few repeated), with edges that may name unknown ids.
fn graph(max_nodes: usize, pins: bool) -> impl Strategy<Value = Graph> {
    let node = (
        0usize..max_nodes,
        prop::sample::select(KINDS.to_vec()),
        state(),
        rank(),
        size(),
        size(),
        prop::option::weighted(if pins { 0.15 } else { 0.0 }, (coordinate(), coordinate())),
        any::<u32>(),
    );
    (
        prop::collection::vec(node, 0..max_nodes),
        prop::collection::vec(
            (0..max_nodes + 2, 0..max_nodes + 2, state()),
            0..max_nodes * 2,
        ),
    )
        .prop_map(|(nodes, edges)| Graph {
            nodes: nodes
                .into_iter()
                .map(
                    |(i, kind, state, rank, width, height, pinned, members)| Node {
                        id: format!("n{i}"),
                        label: format!("<n{i}> & \"é\""),
                        kind,
                        state,
                        rank,
                        width,
                        height,
                        pinned,
                        members,
                    },
                )
                .collect(),
            edges: edges
                .into_iter()
                .map(|(a, b, state)| Edge {
                    state,
                    ..Edge::new(format!("n{a}"), format!("n{b}"))
                })
                .collect(),
        })
}

/// Checks everything a caller relies on; returns the layout.
fn check(g: &Graph, opts: &Options, previous: Option<&layout::Layout>) -> layout::Layout {
    let l = layout(g, opts, previous);
    let ids: BTreeSet<&str> = g.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(l.positions.len(), ids.len());
    assert!(
        l.positions
            .values()
            .all(|p| p.x.is_finite() && p.y.is_finite()),
        "{:?}",
        l.positions
    );
    assert_eq!(l.edge_paths.len(), g.edges.len());
    assert!(l
        .edge_paths
        .iter()
        .flat_map(|e| &e.points)
        .all(|p| p.x.is_finite() && p.y.is_finite()));
    assert!(
        l.width.is_finite() && l.height.is_finite() && l.width >= 0.0 && l.height >= 0.0,
        "bounding box {:?} {} × {}",
        l.min,
        l.width,
        l.height
    );
    // The first node of an id is the one laid out; a finite pin of it is kept exactly.
    let mut first = BTreeSet::new();
    for n in g.nodes.iter().filter(|n| first.insert(n.id.as_str())) {
        if let Some((x, y)) = n.pinned.filter(|(x, y)| x.is_finite() && y.is_finite()) {
            assert_eq!(
                (l.positions[&n.id].x, l.positions[&n.id].y),
                (x, y),
                "pin of {}",
                n.id
            );
        }
    }
    let sane = g
        .nodes
        .iter()
        .all(|n| n.width.is_finite() && n.height.is_finite() && n.width < 1e6 && n.height < 1e6)
        && g.nodes
            .iter()
            .all(|n| n.pinned.is_none_or(|(x, y)| x.abs() < 1e6 && y.abs() < 1e6));
    if sane {
        let firsts: Vec<Node> = {
            let mut seen = BTreeSet::new();
            g.nodes
                .iter()
                .filter(|n| seen.insert(n.id.clone()))
                .cloned()
                .collect()
        };
        let laid = Graph {
            nodes: firsts,
            edges: g.edges.clone(),
        };
        let bad = common::overlaps(&laid, &l, true);
        assert!(bad.is_empty(), "overlapping nodes {bad:?}");
    }
    l
}

proptest! {
    #![proptest_config(config(500))]

    #[test]
    fn any_graph_lays_out_without_overlap_and_keeps_pins(g in graph(24, true), stable in any::<bool>()) {
        bounded("layout", move || {
            let opts = Options::default();
            let l = check(&g, &opts, None);
            assert_eq!(l, layout(&g, &opts, None), "same input, another result");
            if stable {
                let mut grown = g.clone();
                grown.nodes.push(Node::new("extra", Kind::Site));
                grown.edges.push(Edge::new("n0", "extra"));
                check(&grown, &opts, Some(&l));
            }
            let drawing = svg::render(&g, &l);
            assert!(drawing.contains("viewBox") && !drawing.contains("NaN") && !drawing.contains("inf"));
        });
    }

    #[test]
    fn input_order_does_not_matter(
        (g, shuffled) in graph(20, true).prop_flat_map(|g| {
            let mut seen = BTreeSet::new();
            let nodes: Vec<Node> = g.nodes.iter().filter(|n| seen.insert(n.id.clone())).cloned().collect();
            let unique = Graph { nodes, edges: g.edges };
            let order = (Just(unique.nodes.clone()).prop_shuffle(), Just(unique.edges.clone()).prop_shuffle());
            (Just(unique), order.prop_map(|(nodes, edges)| Graph { nodes, edges }))
        })
    ) {
        bounded("layout order", move || {
            let (a, b) = (layout(&g, &Options::default(), None), layout(&shuffled, &Options::default(), None));
            assert_eq!(a.positions, b.positions);
            assert_eq!(a.crossings, b.crossings);
        });
    }

    #[test]
    fn odd_options_and_aggregation_do_not_panic(
        g in graph(16, true),
        gaps in prop::collection::vec(coordinate(), 4),
        passes in prop::collection::vec(0usize..20, 3),
        paths in prop::collection::vec(prop::collection::vec(prop::sample::select(vec!["a", "a/1", "b", "b/1", "n1"]), 0..3), 0..16),
        max_nodes in 0usize..20,
    ) {
        bounded("layout options and aggregation", move || {
            let opts = Options { node_gap: gaps[0], rank_gap: gaps[1], edge_gap: gaps[2], component_gap: gaps[3],
                max_sweeps: passes[0], transpose_passes: passes[1], coord_iterations: passes[2] };
            let l = layout(&g, &opts, None);
            assert_eq!(l.edge_paths.len(), g.edges.len());
            svg::render(&g, &l);
            let groups: Vec<Vec<String>> = paths.iter().map(|p| p.iter().map(|s| s.to_string()).collect()).collect();
            let expanded = default_expansion(&g, &groups, max_nodes);
            let collapsed = aggregate(&g, &groups, &expanded);
            check(&collapsed, &Options::default(), None);
        });
    }
}
