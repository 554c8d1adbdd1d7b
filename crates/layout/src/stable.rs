//! Stable mode: desired x of every node from a previous layout.
//!
//! Guarantee (tested in `tests/stability.rs`): when `previous` is given, a node present
//! in it keeps its x unless the layer it is in must make room (overlap removal moves
//! the fewest, nearest nodes, by least squares); its y changes only if its rank
//! changes. Nodes keep their previous left-to-right order within a layer (no sweeps,
//! no transpositions), so relaying out an unchanged graph is a fixed point. New nodes are placed at
//! the mean x of their already-placed neighbours (propagated down, then up the graph);
//! nodes of entirely new components go right of the previous drawing. Dummy nodes are
//! interpolated along their edge. The price: crossings are not reduced further in
//! stable mode; a fresh layout (no `previous`) re-optimises the whole picture.

use crate::layered::Layered;
use crate::model::Layout;

/// Desired x of every layered-graph node. `fresh` is the fresh-mode x, used for nodes
/// that no previous node reaches.
pub fn keys(
    lg: &Layered,
    ids: &[&str],
    prev: &Layout,
    fresh: &[f64],
    n_comps: usize,
    gap: f64,
) -> Vec<f64> {
    let n = lg.n_real;
    let mut key: Vec<Option<f64>> = ids
        .iter()
        .map(|id| prev.positions.get(*id).map(|p| p.x as f64))
        .collect();
    // Real-node adjacency: the two ends of every edge chain.
    let ends: Vec<(u32, u32)> = (0..lg.reversed.len())
        .filter_map(|e| Some((*lg.chain.row(e).first()?, *lg.chain.row(e).last()?)))
        .collect();
    let ups = crate::csr::Csr::build(n, ends.iter().map(|&(t, b)| (b, t)));
    let downs = crate::csr::Csr::build(n, ends.iter().copied());
    let mut by_layer: Vec<usize> = (0..n).collect();
    by_layer.sort_by_key(|&v| (lg.layer[v], v));
    for (pass, order) in [
        by_layer.clone(),
        by_layer.into_iter().rev().collect::<Vec<_>>(),
    ]
    .iter()
    .enumerate()
    {
        for &v in order {
            if key[v].is_some() {
                continue;
            }
            let nb = if pass == 0 { ups.row(v) } else { downs.row(v) };
            let known: Vec<f64> = nb.iter().filter_map(|&w| key[w as usize]).collect();
            if !known.is_empty() {
                key[v] = Some(known.iter().sum::<f64>() / known.len() as f64);
            }
        }
    }
    // Still unknown: fresh x, aligned with the component's known nodes, or — for new
    // components — shifted right of the previous drawing.
    let (mut sum, mut cnt) = (vec![0.0; n_comps], vec![0usize; n_comps]);
    let (mut lo, mut hi) = (
        vec![f64::INFINITY; n_comps],
        vec![f64::NEG_INFINITY; n_comps],
    );
    for v in 0..n {
        let c = lg.comp[v] as usize;
        lo[c] = lo[c].min(fresh[v]);
        hi[c] = hi[c].max(fresh[v]);
        if let Some(k) = key[v] {
            sum[c] += k - fresh[v];
            cnt[c] += 1;
        }
    }
    let mut cursor = prev.min.x as f64 + prev.width as f64 + gap;
    let mut shift = vec![0.0; n_comps];
    for c in 0..n_comps {
        if cnt[c] > 0 {
            shift[c] = sum[c] / cnt[c] as f64;
        } else if lo[c].is_finite() {
            // Centres only are known here; the extra gap covers half widths, and the
            // final overlap removal fixes any remaining contact.
            shift[c] = cursor - lo[c];
            cursor += hi[c] - lo[c] + gap * 4.0;
        }
    }
    let mut out: Vec<f64> = (0..lg.len())
        .map(|v| fresh[v] + shift[lg.comp[v] as usize])
        .collect();
    for v in 0..n {
        if let Some(k) = key[v] {
            out[v] = k;
        }
    }
    // Dummies: linear interpolation between the ends of their chain.
    for e in 0..lg.reversed.len() {
        let chain = lg.chain.row(e);
        if chain.len() > 2 {
            let (a, b) = (out[chain[0] as usize], out[chain[chain.len() - 1] as usize]);
            let m = (chain.len() - 1) as f64;
            for (i, &d) in chain.iter().enumerate().skip(1).take(chain.len() - 2) {
                out[d as usize] = a + (b - a) * i as f64 / m;
            }
        }
    }
    out
}
