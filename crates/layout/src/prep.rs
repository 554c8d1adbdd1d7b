//! Canonicalisation: dense indices, clean edge list and connected components.
//!
//! Node index `i` is the `i`-th distinct id in sorted order, so everything downstream
//! is independent of input order. Self-loops and duplicates are removed from the edge
//! list the layout works on (they are routed separately), unknown ids are dropped.
//! Components are found with union–find and numbered by their smallest id, which is
//! the deterministic left-to-right order they are drawn in.

use crate::model::Graph;

/// How one input edge maps onto the canonical graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EdgeRef {
    /// An endpoint id is not a node: no route.
    Missing,
    SelfLoop(u32),
    /// Index into [`Prepared::edges`].
    Edge(u32),
}

pub struct Prepared {
    /// Canonical index → position in `graph.nodes` (first occurrence of the id).
    pub node_of: Vec<usize>,
    /// Sorted, deduplicated `(from, to)` pairs without self-loops.
    pub edges: Vec<(u32, u32)>,
    /// One entry per input edge.
    pub edge_ref: Vec<EdgeRef>,
    /// Component of every node; components are numbered by smallest id.
    pub comp: Vec<u32>,
    pub n_comps: usize,
}

impl Prepared {
    pub fn new(graph: &Graph) -> Prepared {
        let mut order: Vec<usize> = (0..graph.nodes.len()).collect();
        // Stable sort keeps the first occurrence of a duplicate id in front.
        order.sort_by(|&a, &b| graph.nodes[a].id.cmp(&graph.nodes[b].id));
        order.dedup_by(|b, a| graph.nodes[*a].id == graph.nodes[*b].id);
        let ids: Vec<&str> = order.iter().map(|&i| graph.nodes[i].id.as_str()).collect();
        let find = |id: &str| ids.binary_search(&id).ok().map(|i| i as u32);

        let mut pairs = Vec::with_capacity(graph.edges.len());
        let mut raw = Vec::with_capacity(graph.edges.len());
        for e in &graph.edges {
            raw.push(match (find(&e.from), find(&e.to)) {
                (Some(a), Some(b)) if a == b => Some((a, b)),
                (Some(a), Some(b)) => {
                    pairs.push((a, b));
                    Some((a, b))
                }
                _ => None,
            });
        }
        pairs.sort_unstable();
        pairs.dedup();
        let edge_ref = raw
            .into_iter()
            .map(|r| match r {
                None => EdgeRef::Missing,
                Some((a, b)) if a == b => EdgeRef::SelfLoop(a),
                Some(p) => EdgeRef::Edge(pairs.binary_search(&p).unwrap_or(0) as u32),
            })
            .collect();
        let (comp, n_comps) = components(order.len(), &pairs);
        Prepared {
            node_of: order,
            edges: pairs,
            edge_ref,
            comp,
            n_comps,
        }
    }

    pub fn len(&self) -> usize {
        self.node_of.len()
    }
}

/// Union–find with path halving and union by smaller root index; components are then
/// renumbered in order of their smallest member.
fn components(n: usize, edges: &[(u32, u32)]) -> (Vec<u32>, usize) {
    let mut parent: Vec<u32> = (0..n as u32).collect();
    fn root(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            let gp = parent[parent[x as usize] as usize];
            parent[x as usize] = gp;
            x = gp;
        }
        x
    }
    for &(a, b) in edges {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra != rb {
            // The smaller index becomes the root, so a root is its component's minimum.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            parent[hi as usize] = lo;
        }
    }
    let mut number = vec![u32::MAX; n];
    let mut comp = vec![0u32; n];
    let mut next = 0u32;
    for v in 0..n as u32 {
        let r = root(&mut parent, v) as usize;
        if number[r] == u32::MAX {
            number[r] = next;
            next += 1;
        }
        comp[v as usize] = number[r];
    }
    (comp, next as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, Kind, Node};

    fn graph(ids: &[&str], edges: &[(&str, &str)]) -> Graph {
        Graph {
            nodes: ids.iter().map(|i| Node::new(*i, Kind::Site)).collect(),
            edges: edges.iter().map(|(a, b)| Edge::new(*a, *b)).collect(),
        }
    }

    #[test]
    fn sorts_ids_and_cleans_edges() {
        let g = graph(
            &["c", "a", "b", "a"],
            &[("c", "a"), ("c", "a"), ("b", "b"), ("a", "zz")],
        );
        let p = Prepared::new(&g);
        assert_eq!(p.node_of, vec![1, 2, 0]);
        assert_eq!(p.edges, vec![(2, 0)]);
        assert_eq!(
            p.edge_ref,
            vec![
                EdgeRef::Edge(0),
                EdgeRef::Edge(0),
                EdgeRef::SelfLoop(1),
                EdgeRef::Missing
            ]
        );
    }

    #[test]
    fn components_numbered_by_smallest_id() {
        let g = graph(&["d", "c", "b", "a"], &[("d", "a"), ("c", "b")]);
        let p = Prepared::new(&g);
        // a(0)–d(3) is component 0, b(1)–c(2) component 1.
        assert_eq!(p.comp, vec![0, 1, 1, 0]);
        assert_eq!(p.n_comps, 2);
    }
}
