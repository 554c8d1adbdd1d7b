//! Aggregation levels on a realistic synthetic estate.
use std::collections::BTreeSet;

use layout::aggregate::{aggregate, default_expansion};
use layout::{layout, svg, synthetic, Kind, Options};

#[test]
fn default_expansion_fits_and_is_deepest() {
    let t = synthetic::topology(2000, 1.5, 8);
    for max in [5, 60, 400, 1500, 5000] {
        let exp = default_expansion(&t.graph, &t.groups, max);
        let g = aggregate(&t.graph, &t.groups, &exp);
        let depth = exp
            .iter()
            .map(|e| e.matches('/').count() + 1)
            .max()
            .unwrap_or(0);
        // One level deeper would not fit (unless everything is already expanded).
        let deeper: BTreeSet<String> = t
            .groups
            .iter()
            .flat_map(|p| p.iter().take(depth + 1).cloned())
            .collect();
        if deeper != exp {
            assert!(
                aggregate(&t.graph, &t.groups, &deeper).nodes.len() > max,
                "max {max}"
            );
            assert!(
                g.nodes.len() <= max || exp.is_empty(),
                "max {max}: {}",
                g.nodes.len()
            );
        }
        let members: u32 = g.nodes.iter().map(|n| n.members).sum();
        assert_eq!(
            members as usize,
            t.graph.nodes.len(),
            "every node is represented once"
        );
    }
}

#[test]
fn collapsed_graph_lays_out_and_renders() {
    let t = synthetic::topology(1500, 1.5, 4);
    let clouds: BTreeSet<String> = ["aliyun".to_string(), "huawei".to_string()].into();
    let g = aggregate(&t.graph, &t.groups, &clouds);
    assert!(g
        .nodes
        .iter()
        .any(|n| n.kind == Kind::Group && n.members > 1));
    let merged: u32 = g.edges.iter().map(|e| e.count).sum();
    assert!(merged as usize <= t.graph.edges.len());
    let l = layout(&g, &Options::default(), None);
    let s = svg::render(&g, &l);
    assert!(s.contains("stroke-width=\"3\""), "group shape drawn");
}
