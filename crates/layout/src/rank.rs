//! Phase 2 — rank (layer) assignment.
//!
//! * **Longest path** over a topological order (Kahn's algorithm):
//!   `rank(v) = max(hint(v), max(rank(u) + 1 for u → v))`. Rank hints are lower bounds:
//!   exact whenever edges go from lower to higher hints, as in the real topology.
//! * **Network-simplex-lite pull**: longest path pushes every source to the top, which
//!   stretches edges. Walking the topological order backwards, an un-hinted node with
//!   more outgoing than incoming edges is moved down to just above its nearest successor;
//!   this is the single-node "tighten" move of network simplex, applied greedily once.
//! * **Compaction**: ranks without any node are removed (e.g. the tunnel layer when no
//!   tunnels are drawn), keeping the relative order.
//!
//! O(V + E). Expects an acyclic edge list (see [`crate::acyclic`]).

use crate::csr::Csr;

/// Largest rank hint taken as is (see [`assign`]).
pub const MAX_HINT: u32 = u32::MAX / 2;

pub fn assign(n: usize, edges: &[(u32, u32)], hint: &[Option<u32>]) -> Vec<u32> {
    let out = Csr::build(n, edges.iter().copied());
    let inc = Csr::build(n, edges.iter().map(|&(a, b)| (b, a)));
    let mut indeg: Vec<u32> = (0..n).map(|v| inc.degree(v) as u32).collect();
    let mut topo: Vec<u32> = (0..n as u32).filter(|&v| indeg[v as usize] == 0).collect();
    let mut head = 0;
    while head < topo.len() {
        let v = topo[head] as usize;
        head += 1;
        for &w in out.row(v) {
            indeg[w as usize] -= 1;
            if indeg[w as usize] == 0 {
                topo.push(w);
            }
        }
    }
    // A cyclic input would leave nodes out; keep them rather than lose them.
    if topo.len() < n {
        let mut seen = vec![false; n];
        for &v in &topo {
            seen[v as usize] = true;
        }
        topo.extend((0..n as u32).filter(|&v| !seen[v as usize]));
    }

    // Hints are capped so the longest path (at most `n` more) cannot overflow `u32`;
    // only their order matters, and no real hint comes near the cap.
    let mut rank: Vec<u32> = hint.iter().map(|h| h.unwrap_or(0).min(MAX_HINT)).collect();
    for &v in &topo {
        let v = v as usize;
        for &u in inc.row(v) {
            rank[v] = rank[v].max(rank[u as usize] + 1);
        }
    }
    for &v in topo.iter().rev() {
        let v = v as usize;
        if hint[v].is_some() || out.degree(v) <= inc.degree(v) {
            continue;
        }
        if let Some(min_succ) = out.row(v).iter().map(|&w| rank[w as usize]).min() {
            if min_succ > rank[v] + 1 {
                rank[v] = min_succ - 1;
            }
        }
    }
    compact(&mut rank);
    rank
}

/// Renumbers ranks to `0..k` without gaps, preserving order.
fn compact(rank: &mut [u32]) {
    let mut used: Vec<u32> = rank.to_vec();
    used.sort_unstable();
    used.dedup();
    for r in rank.iter_mut() {
        *r = used.binary_search(r).unwrap_or(0) as u32;
    }
}

#[cfg(test)]
mod tests {
    use super::assign;

    #[test]
    fn longest_path_ranks() {
        let r = assign(4, &[(0, 1), (1, 2), (0, 2), (2, 3)], &[None; 4]);
        assert_eq!(r, vec![0, 1, 2, 3]);
    }

    #[test]
    fn hints_are_honoured_and_gaps_compacted() {
        // VPC(0) → gateway(1) → connection(2) → customer gateway(4): rank 3 is unused.
        let hints = [Some(0), Some(1), Some(2), Some(4)];
        let r = assign(4, &[(0, 1), (1, 2), (2, 3)], &hints);
        assert_eq!(r, vec![0, 1, 2, 3]);
        // A hinted node without edges still sits on its layer.
        let r = assign(3, &[(0, 1)], &[Some(0), Some(2), Some(1)]);
        assert_eq!(r, vec![0, 2, 1]);
    }

    #[test]
    fn sources_are_pulled_towards_successors() {
        // 0→1→2→3 and an un-hinted source 4 → 3 goes right above 3, not to the top.
        let r = assign(5, &[(0, 1), (1, 2), (2, 3), (4, 3)], &[None; 5]);
        assert_eq!(r[4], 2);
    }

    #[test]
    fn hint_is_a_lower_bound() {
        // Edge forces 1 below 0 even though both hint 0.
        let r = assign(2, &[(0, 1)], &[Some(0), Some(0)]);
        assert_eq!(r, vec![0, 1]);
    }
}
