//! The layout entry point: runs the phases in order.
//!
//! canonicalise ([`crate::prep`]) → cycle removal ([`crate::acyclic`]) → ranks
//! ([`crate::rank`]) → dummy nodes ([`crate::layered`]) → crossing reduction
//! ([`crate::order`], [`crate::transpose`]) → coordinates ([`crate::position`],
//! [`crate::pack`], [`crate::stable`]) → routes ([`crate::route`]).

use crate::layered::Layered;
use crate::model::{Graph, Layout, Options, Point};
use crate::order::{dfs_keys, reduce, Ordering};
use crate::pack::{pack, resolve};
use crate::position::{relax, Geometry};
use crate::prep::Prepared;
use crate::{acyclic, rank, route, stable};

/// Largest size or gap taken as is: `f32::MAX`-sized nodes would overflow the bounding
/// box to infinity, and nothing drawable comes near a million units.
pub(crate) const MAX_LENGTH: f32 = 1.0e6;

/// A size or gap as the layout uses it: NaN, infinite and negative values count as 0.
pub(crate) fn finite(v: f32) -> f32 {
    if v.is_finite() && v > 0.0 {
        v.min(MAX_LENGTH)
    } else {
        0.0
    }
}

/// Lays out `graph`. With `previous`, runs in stable mode (see [`crate::stable`]).
/// Pure and deterministic: the same graph (in any node/edge order), options and
/// previous layout give the same result.
pub fn layout(graph: &Graph, opts: &Options, previous: Option<&Layout>) -> Layout {
    let prep = Prepared::new(graph);
    let n = prep.len();
    let nodes: Vec<_> = prep.node_of.iter().map(|&i| &graph.nodes[i]).collect();
    let hints: Vec<Option<u32>> = nodes.iter().map(|nd| nd.rank).collect();
    let size: Vec<(f32, f32)> = nodes
        .iter()
        .map(|nd| (finite(nd.width), finite(nd.height)))
        .collect();
    let pins: Vec<Option<(f32, f32)>> = nodes
        .iter()
        .map(|nd| nd.pinned.filter(|(x, y)| x.is_finite() && y.is_finite()))
        .collect();

    let rev = acyclic::reversed_edges(n, &prep.edges, &hints);
    let oriented: Vec<(u32, u32)> = prep
        .edges
        .iter()
        .zip(&rev)
        .map(|(&(a, b), &r)| if r { (b, a) } else { (a, b) })
        .collect();
    let ranks = rank::assign(n, &oriented, &hints);
    let lg = Layered::build(&ranks, &prep.comp, &prep.edges, &rev);
    // Gaps get the same clean-up as sizes: a NaN or negative gap would break the placement.
    let (node_gap, edge_gap) = (finite(opts.node_gap), finite(opts.edge_gap));
    let geo = Geometry::new(&lg, &size, node_gap, edge_gap, finite(opts.rank_gap));

    let mut o = Ordering::by_key(&lg, &dfs_keys(&lg), true);
    let (mut initial, mut crossings) = reduce(&lg, &mut o, opts.max_sweeps, opts.transpose_passes);
    let mut x = relax(&lg, &o, &geo, opts.coord_iterations);
    let comp_gap = finite(opts.component_gap) as f64;
    pack(&lg, &geo, &mut x, &pins, prep.n_comps, comp_gap);
    if let Some(prev) = previous {
        let ids: Vec<&str> = nodes.iter().map(|nd| nd.id.as_str()).collect();
        x = stable::keys(&lg, &ids, prev, &x, prep.n_comps, comp_gap);
        o = Ordering::by_key(&lg, &x, false);
        // No sweeps and no transpositions: the previous order is kept as it is.
        (initial, crossings) = reduce(&lg, &mut o, 0, 0);
        resolve(&lg, &o, &geo, &mut x, &pins, &size, false);
    } else if pins.iter().any(Option::is_some) {
        resolve(&lg, &o, &geo, &mut x, &pins, &size, true);
    }
    let y: Vec<f64> = (0..lg.len())
        .map(|v| match pins.get(v) {
            Some(Some((_, py))) => *py as f64,
            _ => geo.layer_y[lg.layer[v] as usize],
        })
        .collect();
    let edge_paths = route::routes(&lg, &prep.edge_ref, &x, &y, &size);

    let (mut lo, mut hi) = (
        (f32::INFINITY, f32::INFINITY),
        (f32::NEG_INFINITY, f32::NEG_INFINITY),
    );
    let mut grow = |px: f32, py: f32| {
        lo = (lo.0.min(px), lo.1.min(py));
        hi = (hi.0.max(px), hi.1.max(py));
    };
    let mut positions = std::collections::BTreeMap::new();
    for v in 0..n {
        let p = Point {
            x: x[v] as f32,
            y: y[v] as f32,
        };
        grow(p.x - size[v].0 / 2.0, p.y - size[v].1 / 2.0);
        grow(p.x + size[v].0 / 2.0, p.y + size[v].1 / 2.0);
        positions.insert(nodes[v].id.clone(), p);
    }
    for p in edge_paths.iter().flat_map(|e| &e.points) {
        grow(p.x, p.y);
    }
    let min = if n == 0 {
        Point::default()
    } else {
        Point { x: lo.0, y: lo.1 }
    };
    Layout {
        positions,
        edge_paths,
        min,
        width: if n == 0 { 0.0 } else { hi.0 - lo.0 },
        height: if n == 0 { 0.0 } else { hi.1 - lo.1 },
        crossings,
        initial_crossings: initial,
        layers: lg.n_layers,
    }
}
