//! Crossing reduction, refinement step: **adjacent transpositions** (the `transpose`
//! heuristic of Gansner et al. 1993). Two neighbours in a layer are swapped when that
//! strictly lowers the crossings of their segments to both adjacent layers. Only strict
//! improvements are taken, so a pass never makes things worse and the loop ends; it is
//! additionally capped at `passes` passes.
//!
//! Cost per pass: O(sum of degree · log degree) using the merge count of
//! [`crate::crossings::pair_crossings`].

use crate::crossings::pair_crossings;
use crate::layered::Layered;
use crate::order::Ordering;

fn sorted_positions(row: &[u32], pos: &[u32], out: &mut Vec<u32>) {
    out.clear();
    out.extend(row.iter().map(|&w| pos[w as usize]));
    out.sort_unstable();
}

pub fn transpose(lg: &Layered, o: &mut Ordering, passes: usize) {
    let (mut uu, mut ud, mut vu, mut vd) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..passes {
        let mut improved = false;
        for l in 0..o.layers.len() {
            for i in 0..o.layers[l].len().saturating_sub(1) {
                let (u, v) = (o.layers[l][i] as usize, o.layers[l][i + 1] as usize);
                if lg.comp[u] != lg.comp[v] {
                    continue;
                }
                sorted_positions(lg.up.row(u), &o.pos, &mut uu);
                sorted_positions(lg.up.row(v), &o.pos, &mut vu);
                sorted_positions(lg.down.row(u), &o.pos, &mut ud);
                sorted_positions(lg.down.row(v), &o.pos, &mut vd);
                let keep = pair_crossings(&uu, &vu) + pair_crossings(&ud, &vd);
                let swap = pair_crossings(&vu, &uu) + pair_crossings(&vd, &ud);
                if swap < keep {
                    o.layers[l].swap(i, i + 1);
                    o.pos[u] = i as u32 + 1;
                    o.pos[v] = i as u32;
                    improved = true;
                }
            }
        }
        if !improved {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crossings::Counter;

    #[test]
    fn swaps_a_crossing_pair() {
        // Upper 0,1; lower 2,3; edges 0→3, 1→2 cross; swapping the lower pair fixes it.
        let lg = Layered::build(&[0, 0, 1, 1], &[0; 4], &[(0, 3), (1, 2)], &[false, false]);
        let mut o = Ordering::by_key(&lg, &[0.0, 1.0, 2.0, 3.0], true);
        assert_eq!(Counter::default().total(&lg, &o.layers, &o.pos), 1);
        transpose(&lg, &mut o, 2);
        assert_eq!(Counter::default().total(&lg, &o.layers, &o.pos), 0);
    }

    #[test]
    fn zero_passes_changes_nothing() {
        let lg = Layered::build(&[0, 0, 1, 1], &[0; 4], &[(0, 3), (1, 2)], &[false, false]);
        let mut o = Ordering::by_key(&lg, &[0.0, 1.0, 2.0, 3.0], true);
        transpose(&lg, &mut o, 0);
        assert_eq!(o.layers, vec![vec![0, 1], vec![2, 3]]);
    }
}
