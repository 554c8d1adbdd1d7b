//! Phase 3 — the proper layered graph: long edges are split by **dummy nodes**.
//!
//! An edge spanning `k > 1` ranks becomes a chain through `k - 1` dummy nodes, one per
//! intermediate layer, so every segment joins adjacent layers (the "proper" hierarchy
//! that crossing reduction and coordinate assignment need). Dummies reserve only a
//! small width, and their final positions are the bend points of the edge route.
//!
//! Nodes `0..n_real` are the real nodes (canonical indices); dummies follow.

use crate::csr::Csr;

pub struct Layered {
    pub n_real: usize,
    pub n_layers: usize,
    pub layer: Vec<u32>,
    pub comp: Vec<u32>,
    /// Neighbours in the layer above / below.
    pub up: Csr,
    pub down: Csr,
    /// Node chain (top to bottom, endpoints included) of every canonical edge.
    pub chain: Csr,
    /// Whether the canonical edge points upwards (its chain must be read backwards).
    pub reversed: Vec<bool>,
}

impl Layered {
    pub fn build(rank: &[u32], comp: &[u32], edges: &[(u32, u32)], reversed: &[bool]) -> Layered {
        let n_real = rank.len();
        let mut layer = rank.to_vec();
        let mut comps = comp.to_vec();
        // (top, bottom, canonical edge): sort so equal node pairs share one chain.
        let mut oriented: Vec<(u32, u32, u32)> = edges
            .iter()
            .zip(reversed)
            .enumerate()
            .map(|(i, (&(a, b), &r))| {
                if r {
                    (b, a, i as u32)
                } else {
                    (a, b, i as u32)
                }
            })
            .collect();
        oriented.sort_unstable();
        let mut segments: Vec<(u32, u32)> = Vec::with_capacity(edges.len());
        let mut chain_pairs: Vec<(u32, u32)> = Vec::with_capacity(edges.len() * 2);
        // (top, bottom, range of its chain in `chain_pairs`) of the previous edge.
        let mut last: Option<(u32, u32, usize, usize)> = None;
        for &(t, b, e) in &oriented {
            if let Some((lt, lb, from, to)) = last {
                if (lt, lb) == (t, b) {
                    // Same pair as the previous edge (a reversed 2-cycle): reuse its chain.
                    for k in from..to {
                        chain_pairs.push((e, chain_pairs[k].1));
                    }
                    continue;
                }
            }
            let from = chain_pairs.len();
            chain_pairs.push((e, t));
            let mut prev = t;
            for l in layer[t as usize] + 1..layer[b as usize] {
                let d = layer.len() as u32;
                layer.push(l);
                comps.push(comp[t as usize]);
                segments.push((prev, d));
                chain_pairs.push((e, d));
                prev = d;
            }
            segments.push((prev, b));
            chain_pairs.push((e, b));
            last = Some((t, b, from, chain_pairs.len()));
        }
        let n = layer.len();
        let n_layers = layer.iter().map(|&l| l as usize + 1).max().unwrap_or(0);
        Layered {
            n_real,
            n_layers,
            up: Csr::build(n, segments.iter().map(|&(a, b)| (b, a))),
            down: Csr::build(n, segments.iter().copied()),
            chain: Csr::build(edges.len(), chain_pairs.into_iter()),
            reversed: reversed.to_vec(),
            layer,
            comp: comps,
        }
    }

    pub fn len(&self) -> usize {
        self.layer.len()
    }

    pub fn is_dummy(&self, v: usize) -> bool {
        v >= self.n_real
    }
}

#[cfg(test)]
mod tests {
    use super::Layered;

    #[test]
    fn long_edges_get_dummies() {
        // 0 (rank 0) → 1 (rank 3): two dummies on ranks 1 and 2.
        let l = Layered::build(&[0, 3], &[0, 0], &[(0, 1)], &[false]);
        assert_eq!(l.len(), 4);
        assert_eq!(l.layer[2..], [1, 2]);
        assert_eq!(l.chain.row(0), &[0, 2, 3, 1]);
        assert_eq!(l.down.row(0), &[2]);
        assert_eq!(l.up.row(1), &[3]);
        assert_eq!(l.n_layers, 4);
    }

    #[test]
    fn two_cycle_shares_a_chain() {
        // 0 → 1 and 1 → 0 (reversed) both run top 0 → bottom 1.
        let l = Layered::build(&[0, 2], &[0, 0], &[(0, 1), (1, 0)], &[false, true]);
        assert_eq!(l.len(), 3);
        assert_eq!(l.chain.row(0), l.chain.row(1));
        assert_eq!(l.down.row(0).len(), 1);
    }
}
