//! One-dimensional overlap removal: the exact projection used by coordinate assignment.
//!
//! Given the nodes of one layer in a fixed left-to-right order, each with a desired
//! centre, a half-footprint (half width plus half the gap) and a weight, find centres
//! that keep the order, never overlap, avoid fixed obstacles (pinned nodes), and
//! minimise `Σ weight · (x − desired)²`.
//!
//! With `off_k` the packed offset of item `k` from the first item of its run, the
//! substitution `y_k = x_k − off_k` turns the separation constraints into `y` being
//! non-decreasing, i.e. **isotonic regression**, solved exactly in O(n) by the
//! **pool-adjacent-violators algorithm** (the 1-D case of Dwyer's VPSC block merging).
//! Obstacles split the line into gaps; items are assigned to gaps greedily in order
//! (by desired position, spilling rightwards when a gap is full, the last gap is
//! unbounded), and bounds of a gap are applied by clamping the isotonic solution,
//! which stays optimal for constant bounds.

#[derive(Clone, Copy, Debug)]
pub struct Item {
    pub desired: f64,
    pub half: f64,
    pub weight: f64,
}

/// Computes the centres of `items` into `out`. `obstacles` are `(left, right)` intervals
/// that items' footprints must stay out of.
pub fn place(items: &[Item], obstacles: &[(f64, f64)], out: &mut Vec<f64>) {
    out.clear();
    out.resize(items.len(), 0.0);
    let walls = merge_obstacles(obstacles);
    let gap_of = |k: usize| {
        let lo = if k == 0 {
            f64::NEG_INFINITY
        } else {
            walls[k - 1].1
        };
        let hi = walls.get(k).map_or(f64::INFINITY, |w| w.0);
        (lo, hi)
    };
    let mut start = 0;
    let mut gap = 0;
    let mut used = 0.0;
    for i in 0..items.len() {
        let it = items[i];
        let want = walls
            .partition_point(|w| (w.0 + w.1) / 2.0 < it.desired)
            .max(gap);
        let mut g = want;
        let mut u = if g == gap { used } else { 0.0 };
        loop {
            let (lo, hi) = gap_of(g);
            if u + 2.0 * it.half <= hi - lo {
                break;
            }
            g += 1;
            u = 0.0;
        }
        if g != gap {
            let (lo, hi) = gap_of(gap);
            pava(&items[start..i], lo, hi, &mut out[start..i]);
            start = i;
            gap = g;
        }
        used = u + 2.0 * it.half;
    }
    let (lo, hi) = gap_of(gap);
    pava(&items[start..], lo, hi, &mut out[start..]);
}

fn merge_obstacles(obstacles: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut sorted: Vec<(f64, f64)> = obstacles.to_vec();
    sorted.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let mut walls: Vec<(f64, f64)> = Vec::with_capacity(sorted.len());
    for (l, r) in sorted {
        match walls.last_mut() {
            Some(last) if l <= last.1 => last.1 = last.1.max(r),
            _ => walls.push((l, r)),
        }
    }
    walls
}

/// Pool-adjacent-violators on one run of items between the walls `lo` and `hi`.
fn pava(items: &[Item], lo: f64, hi: f64, out: &mut [f64]) {
    let Some(first) = items.first() else { return };
    let mut off = Vec::with_capacity(items.len());
    let mut acc = 0.0;
    for (k, it) in items.iter().enumerate() {
        if k > 0 {
            acc += items[k - 1].half + it.half;
        }
        off.push(acc);
    }
    // Blocks: (weight sum, weighted y sum, end index exclusive).
    let mut blocks: Vec<(f64, f64, usize)> = Vec::new();
    for (k, it) in items.iter().enumerate() {
        let w = it.weight.max(1e-9);
        blocks.push((w, w * (it.desired - off[k]), k + 1));
        while blocks.len() > 1 {
            let b = blocks[blocks.len() - 1];
            let a = blocks[blocks.len() - 2];
            if a.1 / a.0 <= b.1 / b.0 {
                break;
            }
            blocks.pop();
            *blocks.last_mut().unwrap_or(&mut (0.0, 0.0, 0)) = (a.0 + b.0, a.1 + b.1, b.2);
        }
    }
    let last = items.len() - 1;
    let y_lo = lo + first.half;
    let y_hi = hi - items[last].half - off[last];
    let mut k = 0;
    for (w, wy, end) in blocks {
        let y = (wy / w).min(y_hi).max(y_lo);
        while k < end {
            out[k] = y + off[k];
            k += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(desired: &[f64]) -> Vec<Item> {
        desired
            .iter()
            .map(|&d| Item {
                desired: d,
                half: 10.0,
                weight: 1.0,
            })
            .collect()
    }

    #[test]
    fn keeps_desired_when_free() {
        let mut out = Vec::new();
        place(&items(&[0.0, 50.0, 100.0]), &[], &mut out);
        assert_eq!(out, vec![0.0, 50.0, 100.0]);
    }

    #[test]
    fn pools_violators_around_their_mean() {
        // Two nodes wanting the same spot end up 20 apart, centred on it.
        let mut out = Vec::new();
        place(&items(&[40.0, 40.0]), &[], &mut out);
        assert_eq!(out, vec![30.0, 50.0]);
    }

    #[test]
    fn avoids_obstacles() {
        let mut out = Vec::new();
        // Obstacle occupies [0, 30]; both items want 10.
        place(&items(&[10.0, 12.0]), &[(0.0, 30.0)], &mut out);
        for &x in &out {
            assert!(x + 10.0 <= 0.0 || x - 10.0 >= 30.0, "{x} overlaps");
        }
        assert!(out[1] - out[0] >= 20.0);
    }

    #[test]
    fn spills_when_gap_too_small() {
        let mut out = Vec::new();
        // Gap between obstacles is 15 wide; an item needs 20.
        place(&items(&[7.0]), &[(-100.0, 0.0), (15.0, 40.0)], &mut out);
        assert!(out[0] - 10.0 >= 40.0);
    }
}
