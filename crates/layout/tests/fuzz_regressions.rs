//! Regression tests for what fuzzing (`tests/fuzz_layout.rs`) found, each the shrunk input
//! of a failure: panics on extreme hints, gaps and counts, and an infinite bounding box.

use std::collections::BTreeSet;

use layout::aggregate::aggregate;
use layout::{layout, Edge, Graph, Kind, Node, Options};

fn node(id: &str) -> Node {
    let mut n = Node::new(id, Kind::Vpc);
    (n.width, n.height, n.rank) = (1.0, 1.0, None);
    n
}

#[test]
fn a_nan_gap_is_taken_as_zero() {
    let g = Graph {
        nodes: vec![node("n0")],
        edges: vec![],
    };
    let opts = Options {
        node_gap: f32::NAN,
        rank_gap: 0.0,
        edge_gap: 0.0,
        component_gap: 0.0,
        ..Options::default()
    };
    let l = layout(&g, &opts, None);
    assert_eq!((l.positions["n0"].x, l.positions["n0"].y), (0.5, 0.5));
}

#[test]
fn the_largest_rank_hints_still_order_an_edge() {
    let (mut a, mut b) = (node("n21"), node("n7"));
    (a.rank, b.rank) = (Some(u32::MAX), Some(u32::MAX));
    let g = Graph {
        nodes: vec![b, a],
        edges: vec![Edge::new("n21", "n7")],
    };
    let l = layout(&g, &Options::default(), None);
    assert_eq!(l.layers, 2);
    assert!(l.positions["n21"].y < l.positions["n7"].y);
}

#[test]
fn group_member_and_edge_counts_saturate() {
    let mut nodes: Vec<Node> = ["n1", "n2", "n10", "x"].into_iter().map(node).collect();
    for (n, members) in nodes
        .iter_mut()
        .zip([2_031_986_822, 1_083_539_140, 1_179_441_334, 1])
    {
        n.members = members;
    }
    let mut edge = Edge::new("n1", "x");
    edge.count = u32::MAX;
    let g = Graph {
        nodes,
        edges: vec![edge.clone(), Edge::new("n2", "x")],
    };
    let group = vec!["big".to_string()];
    let groups = vec![group.clone(), group.clone(), group, vec![]];
    let collapsed = aggregate(&g, &groups, &BTreeSet::new());
    let big = collapsed
        .nodes
        .iter()
        .find(|n| n.id == "group:big")
        .unwrap();
    assert_eq!(big.members, u32::MAX);
    assert_eq!(collapsed.edges[0].count, u32::MAX);
}

#[test]
fn a_node_of_the_largest_width_keeps_the_bounding_box_finite() {
    let mut wide = node("n14");
    wide.width = f32::MAX;
    let g = Graph {
        nodes: vec![wide, node("n0")],
        edges: vec![Edge::new("n14", "n0")],
    };
    let l = layout(&g, &Options::default(), None);
    assert!(l.width.is_finite() && l.width >= 1.0e6, "{}", l.width);
}

#[test]
fn a_nan_size_is_drawn_as_the_layout_sized_it() {
    let mut n = node("n0");
    n.height = f32::NAN;
    let g = Graph {
        nodes: vec![n],
        edges: vec![],
    };
    let drawing = layout::svg::render(&g, &layout(&g, &Options::default(), None));
    assert!(!drawing.contains("NaN"), "{drawing}");
}
