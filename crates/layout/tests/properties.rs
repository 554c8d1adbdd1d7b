//! Property checks over seeded random graphs: no overlaps, determinism, pins.
mod common;

use layout::{layout, svg, synthetic, Options};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

#[test]
fn no_overlapping_nodes() {
    for seed in 0..300 {
        let g = common::random_graph(seed, 60);
        let l = layout(&g, &Options::default(), None);
        let bad = common::overlaps(&g, &l, false);
        assert!(bad.is_empty(), "seed {seed}: {bad:?}");
    }
}

#[test]
fn nodes_in_a_layer_are_width_plus_gap_apart() {
    let opts = Options::default();
    let t = synthetic::topology(600, 1.5, 3);
    let l = layout(&t.graph, &opts, None);
    let mut rows: std::collections::BTreeMap<i64, Vec<(f32, f32)>> = Default::default();
    for n in &t.graph.nodes {
        let p = l.positions[&n.id];
        rows.entry(p.y.round() as i64)
            .or_default()
            .push((p.x, n.width));
    }
    for row in rows.values_mut() {
        row.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap());
        for w in row.windows(2) {
            let need = (w[0].1 + w[1].1) / 2.0 + opts.node_gap;
            assert!(w[1].0 - w[0].0 >= need - 0.01, "{w:?}");
        }
    }
}

#[test]
fn same_input_gives_byte_identical_svg() {
    let t = synthetic::topology(800, 1.5, 11);
    let a = svg::render(&t.graph, &layout(&t.graph, &Options::default(), None));
    let b = svg::render(&t.graph, &layout(&t.graph, &Options::default(), None));
    assert_eq!(a, b);
    let other = synthetic::topology(800, 1.5, 12);
    assert_ne!(
        a,
        svg::render(
            &other.graph,
            &layout(&other.graph, &Options::default(), None)
        )
    );
}

#[test]
fn input_order_does_not_matter() {
    let mut rng = StdRng::seed_from_u64(5);
    for seed in 0..30 {
        let g = common::random_graph(seed, 50);
        let mut shuffled = g.clone();
        shuffled.nodes.shuffle(&mut rng);
        shuffled.edges.shuffle(&mut rng);
        let (a, b) = (
            layout(&g, &Options::default(), None),
            layout(&shuffled, &Options::default(), None),
        );
        assert_eq!(a.positions, b.positions, "seed {seed}");
        assert_eq!(a.crossings, b.crossings, "seed {seed}");
    }
}

#[test]
fn pinned_nodes_stay_put_and_are_avoided() {
    let mut rng = StdRng::seed_from_u64(99);
    for seed in 0..150 {
        let mut g = common::random_graph(seed, 50);
        let free = layout(&g, &Options::default(), None);
        let n = g.nodes.len();
        for _ in 0..rng.gen_range(1..=3.min(n)) {
            let i = rng.gen_range(0..n);
            // Pin somewhere inside the free drawing so pins collide with other nodes.
            let x = free.min.x + rng.gen_range(0.0..free.width.max(1.0));
            let y = free.min.y + rng.gen_range(0.0..free.height.max(1.0));
            g.nodes[i].pinned = Some((x, y));
        }
        let l = layout(&g, &Options::default(), None);
        for node in g.nodes.iter().filter(|n| n.pinned.is_some()) {
            let (x, y) = node.pinned.unwrap();
            if g.nodes.iter().find(|m| m.id == node.id).unwrap().pinned == node.pinned {
                assert_eq!(
                    (l.positions[&node.id].x, l.positions[&node.id].y),
                    (x, y),
                    "seed {seed}"
                );
            }
        }
        let bad = common::overlaps(&g, &l, true);
        assert!(bad.is_empty(), "seed {seed}: {bad:?}");
    }
}
