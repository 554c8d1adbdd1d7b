//! Phase 5 — coordinate assignment (x within layers, y per layer).
//!
//! y: layers are stacked top-down, each as tall as its tallest node, `rank_gap` apart.
//!
//! x: **barycentric relaxation with exact overlap removal**, a simplified cousin of
//! the priority method (Sugiyama et al. 1981) and of the quadratic-programming
//! formulations: starting from a packed layout, layers are visited in alternating
//! down/up sweeps; each node's desired x is the mean x of its neighbours in the
//! previous layer of the sweep (or its own x when it has none), and the layer is then
//! projected onto the nearest non-overlapping placement that keeps the crossing-reduced
//! order ([`crate::solve1d`], pool-adjacent-violators). The last round uses both
//! neighbour layers, which centres parents over children and children under parents.
//! Dummy nodes weigh more, which straightens long edges. Each round is O(V + E); the
//! number of rounds is capped by `Options::coord_iterations`.
//!
//! Components are solved independently (each layer holds them as contiguous slices)
//! and then packed side by side by [`crate::pack`].

use crate::layered::Layered;
use crate::order::Ordering;
use crate::solve1d::{place, Item};

/// Sizes and gaps the coordinate phases need, per layered-graph node.
pub struct Geometry {
    /// Half of the horizontal footprint (half width plus half the gap).
    pub half: Vec<f64>,
    /// Half of the drawn width (0 for dummies).
    pub half_width: Vec<f64>,
    /// Centre y of every layer.
    pub layer_y: Vec<f64>,
    /// Height of every layer (its tallest node).
    pub layer_h: Vec<f64>,
}

impl Geometry {
    pub fn new(
        lg: &Layered,
        size: &[(f32, f32)],
        node_gap: f32,
        edge_gap: f32,
        rank_gap: f32,
    ) -> Geometry {
        let mut half = Vec::with_capacity(lg.len());
        let mut half_width = Vec::with_capacity(lg.len());
        let mut layer_h = vec![0.0f64; lg.n_layers];
        for v in 0..lg.len() {
            if lg.is_dummy(v) {
                half.push(edge_gap as f64 / 2.0);
                half_width.push(0.0);
            } else {
                let (w, h) = size.get(v).copied().unwrap_or_default();
                half.push((w + node_gap) as f64 / 2.0);
                half_width.push(w as f64 / 2.0);
                let l = lg.layer[v] as usize;
                layer_h[l] = layer_h[l].max(h as f64);
            }
        }
        let mut layer_y = Vec::with_capacity(lg.n_layers);
        let mut top = 0.0;
        for &h in &layer_h {
            layer_y.push(top + h / 2.0);
            top += h + rank_gap as f64;
        }
        Geometry {
            half,
            half_width,
            layer_y,
            layer_h,
        }
    }
}

/// Contiguous runs of equal component inside one layer.
fn comp_slices<'a>(lg: &'a Layered, layer: &'a [u32]) -> impl Iterator<Item = &'a [u32]> + 'a {
    layer.chunk_by(move |&a, &b| lg.comp[a as usize] == lg.comp[b as usize])
}

/// x of every node, each component in its own frame starting near 0.
pub fn relax(lg: &Layered, o: &Ordering, geo: &Geometry, rounds: usize) -> Vec<f64> {
    let mut x = vec![0.0f64; lg.len()];
    for layer in &o.layers {
        for slice in comp_slices(lg, layer) {
            let mut cursor = 0.0;
            for (i, &v) in slice.iter().enumerate() {
                if i > 0 {
                    cursor += geo.half[slice[i - 1] as usize] + geo.half[v as usize];
                }
                x[v as usize] = cursor;
            }
        }
    }
    let (mut items, mut out) = (Vec::new(), Vec::new());
    let n = o.layers.len();
    for round in 0..rounds {
        let downward = round % 2 == 0;
        let both = round + 1 == rounds;
        for step in 0..n {
            let l = if downward { step } else { n - 1 - step };
            for slice in comp_slices(lg, &o.layers[l]) {
                items.clear();
                for &v in slice {
                    let v = v as usize;
                    let (mut sum, mut cnt) = (0.0, 0usize);
                    if downward || both {
                        sum += lg.up.row(v).iter().map(|&w| x[w as usize]).sum::<f64>();
                        cnt += lg.up.degree(v);
                    }
                    if !downward || both {
                        sum += lg.down.row(v).iter().map(|&w| x[w as usize]).sum::<f64>();
                        cnt += lg.down.degree(v);
                    }
                    let desired = if cnt == 0 { x[v] } else { sum / cnt as f64 };
                    let weight = if lg.is_dummy(v) { 4.0 } else { 1.0 };
                    items.push(Item {
                        desired,
                        half: geo.half[v],
                        weight,
                    });
                }
                place(&items, &[], &mut out);
                for (&v, &xv) in slice.iter().zip(&out) {
                    x[v as usize] = xv;
                }
            }
        }
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parent_centred_over_children() {
        // 0 → 1, 0 → 2: the parent ends up midway between its children.
        let lg = Layered::build(&[0, 1, 1], &[0; 3], &[(0, 1), (0, 2)], &[false, false]);
        let o = Ordering::by_key(&lg, &[0.0, 1.0, 2.0], true);
        let geo = Geometry::new(&lg, &[(100.0, 40.0); 3], 20.0, 10.0, 50.0);
        let x = relax(&lg, &o, &geo, 6);
        assert!((x[0] - (x[1] + x[2]) / 2.0).abs() < 1e-6, "{x:?}");
        assert!(x[2] - x[1] >= 120.0 - 1e-9);
        assert_eq!(geo.layer_y, vec![20.0, 110.0]);
    }
}
