//! Phase 1 — cycle removal.
//!
//! Two steps, both deterministic:
//! 1. *Hint orientation*: an edge between two nodes with rank hints that points from a
//!    higher hint to a lower one is reversed, so the result agrees with the hints.
//! 2. *DFS back-edge reversal* (the classic acyclicer of Gansner et al., "A Technique for
//!    Drawing Directed Graphs", 1993, also dagre's `dfs` mode): an iterative depth-first
//!    search reverses every edge that closes a cycle (points to a node on the stack).
//!    Roots are tried sources first, then by hint, then by index, so edges that follow
//!    the natural VPC → site direction become tree edges and are kept.
//!
//! O(V + E); no recursion, so deep chains cannot overflow the stack.

use crate::csr::Csr;

/// Returns, per input edge, whether it must be reversed to make the graph acyclic.
pub fn reversed_edges(n: usize, edges: &[(u32, u32)], hint: &[Option<u32>]) -> Vec<bool> {
    let mut rev: Vec<bool> = edges
        .iter()
        .map(|&(a, b)| matches!((hint[a as usize], hint[b as usize]), (Some(x), Some(y)) if x > y))
        .collect();
    let oriented = |i: usize| {
        let (a, b) = edges[i];
        if rev[i] {
            (b, a)
        } else {
            (a, b)
        }
    };
    let out = Csr::build(n, (0..edges.len()).map(|i| (oriented(i).0, i as u32)));
    let mut indeg = vec![0u32; n];
    for i in 0..edges.len() {
        indeg[oriented(i).1 as usize] += 1;
    }
    let mut roots: Vec<u32> = (0..n as u32).collect();
    roots.sort_by_key(|&v| {
        (
            indeg[v as usize] > 0,
            hint[v as usize].unwrap_or(u32::MAX),
            v,
        )
    });

    // 0 = unvisited, 1 = on the DFS stack, 2 = finished.
    let mut state = vec![0u8; n];
    let mut stack: Vec<(u32, u32)> = Vec::new();
    let mut flips = Vec::new();
    for &r in &roots {
        if state[r as usize] != 0 {
            continue;
        }
        state[r as usize] = 1;
        stack.push((r, 0));
        while let Some(&mut (v, ref mut next)) = stack.last_mut() {
            let row = out.row(v as usize);
            if let Some(&e) = row.get(*next as usize) {
                *next += 1;
                let w = oriented(e as usize).1 as usize;
                match state[w] {
                    0 => {
                        state[w] = 1;
                        stack.push((w as u32, 0));
                    }
                    1 => flips.push(e as usize),
                    _ => {}
                }
            } else {
                state[v as usize] = 2;
                stack.pop();
            }
        }
    }
    for e in flips {
        rev[e] = !rev[e];
    }
    rev
}

#[cfg(test)]
mod tests {
    use super::reversed_edges;

    fn is_acyclic(n: usize, edges: &[(u32, u32)], rev: &[bool]) -> bool {
        // Kahn's algorithm: acyclic iff every node gets removed.
        let mut indeg = vec![0; n];
        let dir: Vec<(u32, u32)> = edges
            .iter()
            .zip(rev)
            .map(|(&(a, b), &r)| if r { (b, a) } else { (a, b) })
            .collect();
        for &(_, b) in &dir {
            indeg[b as usize] += 1;
        }
        let mut queue: Vec<usize> = (0..n).filter(|&v| indeg[v] == 0).collect();
        let mut seen = 0;
        while let Some(v) = queue.pop() {
            seen += 1;
            for &(a, b) in &dir {
                if a as usize == v {
                    indeg[b as usize] -= 1;
                    if indeg[b as usize] == 0 {
                        queue.push(b as usize);
                    }
                }
            }
        }
        seen == n
    }

    #[test]
    fn breaks_cycles() {
        let edges = [(0, 1), (1, 2), (2, 0), (2, 3), (3, 1)];
        let rev = reversed_edges(4, &edges, &[None; 4]);
        assert!(is_acyclic(4, &edges, &rev));
        assert!(rev.iter().filter(|&&r| r).count() <= 2);
    }

    #[test]
    fn dag_is_untouched() {
        let edges = [(0, 1), (0, 2), (1, 3), (2, 3)];
        assert_eq!(reversed_edges(4, &edges, &[None; 4]), vec![false; 4]);
    }

    #[test]
    fn hints_orient_edges() {
        // Edge from a site (hint 5) to a VPC (hint 0) is drawn VPC → site.
        let rev = reversed_edges(2, &[(0, 1)], &[Some(5), Some(0)]);
        assert_eq!(rev, vec![true]);
    }
}
