//! Counting edge crossings between adjacent layers.
//!
//! Bilayer counting after Barth, Jünger & Mutzel ("Simple and Efficient Bilayer Cross
//! Counting", 2004): list the segments sorted by (upper position, lower position); the
//! crossings are the inversions of the lower positions, counted with a Fenwick tree.
//! O(E log V) per layer pair.

use crate::layered::Layered;

/// Scratch buffers reused between calls so the hot path does not allocate.
#[derive(Default)]
pub struct Counter {
    seq: Vec<u32>,
    row: Vec<u32>,
    tree: Vec<u32>,
}

impl Counter {
    /// Crossings between `upper` and the layer below it; `pos` is every node's position.
    pub fn between(&mut self, lg: &Layered, upper: &[u32], lower_len: usize, pos: &[u32]) -> usize {
        self.seq.clear();
        for &u in upper {
            self.row.clear();
            self.row
                .extend(lg.down.row(u as usize).iter().map(|&w| pos[w as usize]));
            self.row.sort_unstable();
            self.seq.extend_from_slice(&self.row);
        }
        self.tree.clear();
        self.tree.resize(lower_len + 1, 0);
        let mut crossings = 0usize;
        for (seen, &p) in self.seq.iter().enumerate() {
            // Segments seen so far that end strictly right of p cross this one.
            let mut i = p as usize + 1;
            let mut not_greater = 0usize;
            while i > 0 {
                not_greater += self.tree[i] as usize;
                i &= i - 1;
            }
            crossings += seen - not_greater;
            let mut i = p as usize + 1;
            while i <= lower_len {
                self.tree[i] += 1;
                i += i & i.wrapping_neg();
            }
        }
        crossings
    }

    /// Total crossings of an ordering.
    pub fn total(&mut self, lg: &Layered, layers: &[Vec<u32>], pos: &[u32]) -> usize {
        layers
            .windows(2)
            .map(|w| self.between(lg, &w[0], w[1].len(), pos))
            .sum()
    }
}

/// Crossings between the segments of `a` and those of `b` when `a` is left of `b`,
/// given both nodes' sorted neighbour positions in one adjacent layer.
pub fn pair_crossings(a: &[u32], b: &[u32]) -> usize {
    // For each neighbour of a, count neighbours of b strictly left of it (merge walk).
    let mut j = 0;
    let mut total = 0;
    for &x in a {
        while j < b.len() && b[j] < x {
            j += 1;
        }
        total += j;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_a_simple_cross() {
        // Upper 0,1; lower 2,3; edges 0→3 and 1→2 cross once.
        let lg = Layered::build(&[0, 0, 1, 1], &[0; 4], &[(0, 3), (1, 2)], &[false, false]);
        let layers = vec![vec![0, 1], vec![2, 3]];
        let pos = vec![0, 1, 0, 1];
        assert_eq!(Counter::default().total(&lg, &layers, &pos), 1);
        let pos = vec![0, 1, 1, 0];
        let layers = vec![vec![0, 1], vec![3, 2]];
        assert_eq!(Counter::default().total(&lg, &layers, &pos), 0);
    }

    #[test]
    fn complete_bipartite_k33() {
        // K(3,3) drawn in order has 3 * 3 = 9 crossings: C(3,2)^2.
        let mut edges = Vec::new();
        for a in 0..3 {
            for b in 3..6 {
                edges.push((a, b));
            }
        }
        let lg = Layered::build(&[0, 0, 0, 1, 1, 1], &[0; 6], &edges, &[false; 9]);
        let layers = vec![vec![0, 1, 2], vec![3, 4, 5]];
        let pos = vec![0, 1, 2, 0, 1, 2];
        assert_eq!(Counter::default().total(&lg, &layers, &pos), 9);
    }

    #[test]
    fn pair_crossings_merge() {
        assert_eq!(pair_crossings(&[2], &[0, 1]), 2);
        assert_eq!(pair_crossings(&[0, 1], &[2]), 0);
        assert_eq!(pair_crossings(&[1], &[1]), 0);
    }
}
