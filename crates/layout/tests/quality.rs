//! Crossing quality against simple baselines, and stability under small changes.
mod common;

use layout::{layout, synthetic, Edge, Graph, Kind, Layout, Node, Options};

fn rows(l: &Layout) -> impl Fn(&str) -> i64 + '_ {
    let mut ys: Vec<i64> = l.positions.values().map(|p| p.y.round() as i64).collect();
    ys.sort_unstable();
    ys.dedup();
    move |id: &str| {
        ys.binary_search(&(l.positions[id].y.round() as i64))
            .unwrap_or(0) as i64
    }
}

/// Crossings of the drawn layout vs. the same layers ordered by input (id) order.
fn ours_and_input_order(g: &Graph) -> (usize, usize) {
    let l = layout(g, &Options::default(), None);
    let row = rows(&l);
    let ours = common::geometric_crossings(g, &|id| l.positions[id].x, &row);
    let index = |id: &str| g.nodes.iter().position(|n| n.id == id).unwrap_or(0) as f32;
    let baseline = common::geometric_crossings(g, &index, &row);
    (ours, baseline)
}

#[test]
fn twisted_ladder_is_untangled() {
    // Input order pairs a_i with b_(n-1-i): every pair of rungs crosses in input order.
    let n = 12;
    let mut g = Graph::default();
    for i in 0..n {
        g.nodes
            .push(Node::new(format!("a{i:02}"), Kind::VpnGateway));
    }
    for i in 0..n {
        g.nodes
            .push(Node::new(format!("b{i:02}"), Kind::Connection));
        g.edges
            .push(Edge::new(format!("a{:02}", n - 1 - i), format!("b{i:02}")));
    }
    let (ours, baseline) = ours_and_input_order(&g);
    assert_eq!(baseline, n * (n - 1) / 2);
    assert_eq!(ours, 0);
}

#[test]
fn not_worse_than_input_order_on_fixed_graphs() {
    for seed in [1u64, 2, 3, 4, 5] {
        let t = synthetic::topology(400, 1.5, seed);
        let (ours, baseline) = ours_and_input_order(&t.graph);
        assert!(ours <= baseline, "seed {seed}: {ours} > {baseline}");
        let l = layout(&t.graph, &Options::default(), None);
        assert!(
            l.crossings < l.initial_crossings,
            "seed {seed}: reduction did nothing"
        );
    }
}

#[test]
fn reported_crossings_match_the_drawing_for_proper_graphs() {
    // Every edge joins adjacent layers, so the counted crossings are the drawn ones.
    let t = synthetic::topology(300, 1.2, 9);
    let l = layout(&t.graph, &Options::default(), None);
    let row = rows(&l);
    let drawn = common::geometric_crossings(&t.graph, &|id| l.positions[id].x, &row);
    assert_eq!(l.layers, 5);
    assert_eq!(drawn, l.crossings);
}

fn moved(a: &Layout, b: &Layout) -> Vec<String> {
    a.positions
        .iter()
        .filter(|(id, p)| {
            b.positions
                .get(*id)
                .is_none_or(|q| (q.x - p.x).abs() > 0.5 || (q.y - p.y).abs() > 0.5)
        })
        .map(|(id, _)| id.clone())
        .collect()
}

#[test]
fn relayout_with_previous_is_a_fixed_point() {
    let t = synthetic::topology(500, 1.5, 21);
    let first = layout(&t.graph, &Options::default(), None);
    let again = layout(&t.graph, &Options::default(), Some(&first));
    assert!(
        moved(&first, &again).is_empty(),
        "{:?}",
        moved(&first, &again)
    );
}

#[test]
fn adding_a_leaf_moves_few_nodes() {
    let opts = Options::default();
    let t = synthetic::topology(500, 1.5, 21);
    let before = layout(&t.graph, &opts, None);
    let mut worst = 0;
    for cgw in ["cgw-000003", "cgw-000040", "cgw-000100"] {
        let mut g = t.graph.clone();
        g.nodes.push(Node::new("site-new", Kind::Site));
        g.edges.push(Edge::new(cgw, "site-new"));
        let after = layout(&g, &opts, Some(&before));
        let m = moved(&before, &after);
        worst = worst.max(m.len());
        assert!(m.len() <= 12, "{cgw}: {} nodes moved: {m:?}", m.len());
        // The new site sits on the site row, near its customer gateway.
        let (s, c) = (after.positions["site-new"], after.positions[cgw]);
        assert_eq!(s.y, before.positions["site-000000"].y);
        assert!((s.x - c.x).abs() < 400.0, "{s:?} far from {c:?}");
    }
    // Without the previous layout the same change reshuffles far more.
    let mut g = t.graph.clone();
    g.nodes.push(Node::new("site-new", Kind::Site));
    g.edges.push(Edge::new("cgw-000003", "site-new"));
    let fresh = layout(&g, &opts, None);
    assert!(
        moved(&before, &fresh).len() > worst,
        "stable mode brought nothing"
    );
}
