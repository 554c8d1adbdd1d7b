//! Hostile and degenerate inputs never panic and still give sane output.
mod common;

use layout::{layout, svg, Edge, Graph, Kind, Node, Options};

fn graph(ids: &[&str], edges: &[(&str, &str)]) -> Graph {
    Graph {
        nodes: ids
            .iter()
            .map(|i| Node::new(*i, Kind::Connection))
            .collect(),
        edges: edges.iter().map(|(a, b)| Edge::new(*a, *b)).collect(),
    }
}

#[test]
fn empty_graph() {
    let l = layout(&Graph::default(), &Options::default(), None);
    assert!(l.positions.is_empty() && l.edge_paths.is_empty());
    assert_eq!((l.width, l.height, l.crossings, l.layers), (0.0, 0.0, 0, 0));
    assert!(svg::render(&Graph::default(), &l).contains("viewBox"));
}

#[test]
fn one_node_at_origin() {
    let g = graph(&["only"], &[]);
    let l = layout(&g, &Options::default(), None);
    let p = l.positions["only"];
    assert_eq!((p.x, p.y), (48.0, 16.0)); // centre of a 96×32 connection box at (0, 0)
    assert_eq!((l.width, l.height), (96.0, 32.0));
}

#[test]
fn cycles_self_loops_duplicates_and_unknown_ids() {
    let g = graph(
        &["a", "b", "c", "a"],
        &[
            ("a", "b"),
            ("b", "c"),
            ("c", "a"),
            ("a", "a"),
            ("a", "b"),
            ("b", "a"),
            ("x", "a"),
        ],
    );
    let l = layout(&g, &Options::default(), None);
    assert_eq!(l.positions.len(), 3);
    assert_eq!(l.edge_paths.len(), g.edges.len());
    assert!(l.edge_paths[6].points.is_empty(), "unknown id has no route");
    assert_eq!(l.edge_paths[3].points.len(), 4, "self-loop drawn");
    assert_eq!(l.edge_paths[0], l.edge_paths[4], "duplicates share a route");
    // Every routed edge starts at its source and ends at its target.
    for (e, p) in g
        .edges
        .iter()
        .zip(&l.edge_paths)
        .filter(|(e, _)| e.from != e.to && e.from != "x")
    {
        let (s, t) = (l.positions[&e.from], l.positions[&e.to]);
        let (first, last) = (p.points[0], *p.points.last().unwrap());
        assert_eq!((first.x, (first.y - s.y).abs()), (s.x, 16.0), "{e:?}");
        assert_eq!((last.x, (last.y - t.y).abs()), (t.x, 16.0), "{e:?}");
    }
    assert!(common::overlaps(&g, &l, false).is_empty());
}

#[test]
fn nan_and_negative_sizes_are_tolerated() {
    let mut g = graph(&["a", "b"], &[("a", "b")]);
    g.nodes[0].width = f32::NAN;
    g.nodes[1].height = -5.0;
    g.nodes[1].pinned = Some((f32::INFINITY, 0.0));
    let l = layout(&g, &Options::default(), None);
    assert!(l
        .positions
        .values()
        .all(|p| p.x.is_finite() && p.y.is_finite()));
}

#[test]
fn deep_chain_and_wide_star() {
    // 5000-deep chain (no recursion limits) plus a 3000-leaf star.
    let mut g = Graph::default();
    for i in 0..5000 {
        let mut n = Node::new(format!("c{i:05}"), Kind::Connection);
        n.rank = None;
        g.nodes.push(n);
        if i > 0 {
            g.edges
                .push(Edge::new(format!("c{:05}", i - 1), format!("c{i:05}")));
        }
    }
    for i in 0..3000 {
        g.nodes.push(Node::new(format!("s{i}"), Kind::Site));
        g.edges.push(Edge::new("c00000", format!("s{i}")));
    }
    let l = layout(&g, &Options::default(), None);
    assert_eq!(l.layers, 5000);
    assert_eq!(l.crossings, 0);
}

#[test]
fn random_arbitrary_graphs_do_not_panic() {
    for seed in 0..200 {
        let g = common::random_graph(seed, 40);
        let l = layout(&g, &Options::default(), None);
        assert_eq!(l.positions.len(), g.nodes.len(), "seed {seed}");
        assert!(l.crossings <= l.initial_crossings, "seed {seed}");
    }
}
