//! Component packing and pinned nodes.
//!
//! * **Side-by-side packing**: components (numbered by smallest id) are placed left to
//!   right, `component_gap` apart, in that deterministic order. A component holding
//!   pinned nodes is instead shifted so its pinned nodes are, on average, where they are
//!   pinned, and the free components start right of the pinned ones.
//! * **Resolve**: pinned nodes get exactly their coordinates; in every layer whose band
//!   they intersect they become fixed obstacles, and the layer's other nodes are
//!   re-projected around them ([`crate::solve1d`]). The same pass projects the
//!   previous-layout positions in stable mode.

use crate::layered::Layered;
use crate::order::Ordering;
use crate::position::Geometry;
use crate::solve1d::{place, Item};

pub fn pack(
    lg: &Layered,
    geo: &Geometry,
    x: &mut [f64],
    pins: &[Option<(f32, f32)>],
    n_comps: usize,
    gap: f64,
) {
    let mut lo = vec![f64::INFINITY; n_comps];
    let mut hi = vec![f64::NEG_INFINITY; n_comps];
    let mut pin_sum = vec![0.0f64; n_comps];
    let mut pin_cnt = vec![0usize; n_comps];
    for (v, &xv) in x.iter().enumerate() {
        let c = lg.comp[v] as usize;
        lo[c] = lo[c].min(xv - geo.half_width[v]);
        hi[c] = hi[c].max(xv + geo.half_width[v]);
        if let Some(Some((px, _))) = pins.get(v) {
            pin_sum[c] += *px as f64 - xv;
            pin_cnt[c] += 1;
        }
    }
    let mut shift = vec![0.0f64; n_comps];
    let mut cursor: f64 = 0.0;
    let pinned_any = pin_cnt.iter().any(|&c| c > 0);
    if pinned_any {
        cursor = f64::NEG_INFINITY;
        for c in (0..n_comps).filter(|&c| pin_cnt[c] > 0) {
            shift[c] = pin_sum[c] / pin_cnt[c] as f64;
            cursor = cursor.max(hi[c] + shift[c] + gap);
        }
    }
    for c in (0..n_comps).filter(|&c| pin_cnt[c] == 0 && lo[c].is_finite()) {
        shift[c] = cursor - lo[c];
        cursor += hi[c] - lo[c] + gap;
    }
    for v in 0..lg.len() {
        x[v] += shift[lg.comp[v] as usize];
    }
}

/// Re-projects every layer onto an overlap-free placement around pinned obstacles,
/// taking `x` as the desired positions. `by_x` orders each layer by current x (fresh
/// mode, where components may interleave after pin shifts) instead of by `o`.
pub fn resolve(
    lg: &Layered,
    o: &Ordering,
    geo: &Geometry,
    x: &mut [f64],
    pins: &[Option<(f32, f32)>],
    size: &[(f32, f32)],
    by_x: bool,
) {
    let pinned: Vec<usize> = (0..lg.n_real).filter(|&v| pins[v].is_some()).collect();
    for &p in &pinned {
        x[p] = pins[p].map_or(0.0, |(px, _)| px as f64);
    }
    let (mut seq, mut items, mut obstacles, mut out) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (l, layer) in o.layers.iter().enumerate() {
        obstacles.clear();
        for &p in &pinned {
            let (px, py) = pins[p].unwrap_or_default();
            let reach = size[p].1 as f64 / 2.0 + geo.layer_h[l] / 2.0;
            if (py as f64 - geo.layer_y[l]).abs() < reach {
                obstacles.push((px as f64 - geo.half[p], px as f64 + geo.half[p]));
            }
        }
        seq.clear();
        seq.extend(
            layer
                .iter()
                .map(|&v| v as usize)
                .filter(|&v| v >= lg.n_real || pins[v].is_none()),
        );
        if by_x {
            seq.sort_by(|&a, &b| (x[a], o.pos[a]).partial_cmp(&(x[b], o.pos[b])).unwrap());
        }
        items.clear();
        items.extend(seq.iter().map(|&v| Item {
            desired: x[v],
            half: geo.half[v],
            weight: 1.0,
        }));
        place(&items, &obstacles, &mut out);
        for (&v, &xv) in seq.iter().zip(&out) {
            x[v] = xv;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_side_by_side_in_order() {
        // Two single-node components, both relaxed to x = 0.
        let lg = Layered::build(&[0, 0], &[0, 1], &[], &[]);
        let geo = Geometry::new(&lg, &[(100.0, 40.0); 2], 20.0, 10.0, 50.0);
        let mut x = vec![0.0, 0.0];
        pack(&lg, &geo, &mut x, &[None, None], 2, 30.0);
        assert_eq!(x, vec![50.0, 180.0]);
    }

    #[test]
    fn pinned_node_is_exact_and_avoided() {
        let lg = Layered::build(&[0, 0], &[0, 1], &[], &[]);
        let o = Ordering::by_key(&lg, &[0.0, 1.0], true);
        let size = [(100.0, 40.0); 2];
        let geo = Geometry::new(&lg, &size, 20.0, 10.0, 50.0);
        let pins = [None, Some((10.0, 20.0))];
        let mut x = vec![0.0, 0.0];
        resolve(&lg, &o, &geo, &mut x, &pins, &size, true);
        assert_eq!(x[1], 10.0);
        assert!((x[0] - x[1]).abs() >= 120.0 - 1e-9, "{x:?}");
    }
}
