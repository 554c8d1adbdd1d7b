//! Phase 4 — crossing reduction (in-layer ordering).
//!
//! * **Initial order**: either a depth-first preorder from the top layer (children in
//!   sorted-id order), which draws trees without crossings, or — when a previous layout
//!   is given — the previous x coordinates (see [`crate::stable`]).
//! * **Layer-by-layer sweep with the barycenter heuristic** (Sugiyama, Tagawa & Toda
//!   1981): alternately downwards and upwards, each layer is sorted by the mean position
//!   of its neighbours in the fixed layer; nodes without such neighbours keep their
//!   position as key. The sort key starts with the component, so components never mix.
//!   At most `max_sweeps` down+up pairs (fewer when two pairs in a row bring nothing);
//!   the best ordering seen after any half-sweep is kept, so the result is never worse
//!   than the initial order.
//! * Then **adjacent transpositions** (see [`crate::transpose`]).

use crate::crossings::Counter;
use crate::layered::Layered;

#[derive(Clone)]
pub struct Ordering {
    pub layers: Vec<Vec<u32>>,
    /// Position of every node within its layer.
    pub pos: Vec<u32>,
}

impl Ordering {
    /// Orders every layer by `(component, key, node)`, or by `(key, node)` when not
    /// `comp_major` (stable mode, where previous positions already separate components).
    pub fn by_key(lg: &Layered, key: &[f64], comp_major: bool) -> Ordering {
        let mut layers = vec![Vec::new(); lg.n_layers];
        for v in 0..lg.len() {
            layers[lg.layer[v] as usize].push(v as u32);
        }
        for layer in &mut layers {
            layer.sort_by(|&a, &b| {
                let (a, b) = (a as usize, b as usize);
                let (ca, cb) = if comp_major {
                    (lg.comp[a], lg.comp[b])
                } else {
                    (0, 0)
                };
                (ca, key[a], a).partial_cmp(&(cb, key[b], b)).unwrap()
            });
        }
        let mut o = Ordering {
            layers,
            pos: vec![0; lg.len()],
        };
        o.renumber();
        o
    }

    fn renumber(&mut self) {
        for layer in &self.layers {
            for (i, &v) in layer.iter().enumerate() {
                self.pos[v as usize] = i as u32;
            }
        }
    }
}

/// Depth-first preorder index of every node, roots taken layer by layer.
pub fn dfs_keys(lg: &Layered) -> Vec<f64> {
    let mut key = vec![f64::NAN; lg.len()];
    let mut roots: Vec<u32> = (0..lg.len() as u32).collect();
    roots.sort_by_key(|&v| (lg.layer[v as usize], v));
    let mut next = 0.0;
    let mut stack = Vec::new();
    for r in roots {
        stack.push(r);
        while let Some(v) = stack.pop() {
            if !key[v as usize].is_nan() {
                continue;
            }
            key[v as usize] = next;
            next += 1.0;
            // Reverse so the first child is visited first.
            stack.extend(lg.down.row(v as usize).iter().rev());
        }
    }
    key
}

/// One barycenter pass over all layers, downwards (using the layer above) or upwards.
fn sweep(lg: &Layered, o: &mut Ordering, downward: bool, keyed: &mut Vec<(u32, f64, u32)>) {
    let n = o.layers.len();
    for step in 1..n {
        let l = if downward { step } else { n - 1 - step };
        keyed.clear();
        let own_len = o.layers[l].len() as f64;
        let other_len = o.layers[if downward { l - 1 } else { l + 1 }].len().max(1) as f64;
        for &v in &o.layers[l] {
            let nb = if downward {
                lg.up.row(v as usize)
            } else {
                lg.down.row(v as usize)
            };
            // Positions relative to layer length (+0.5 centres them), so a node kept
            // in place and a barycenter from a longer or shorter layer compare fairly.
            let key = if nb.is_empty() {
                (o.pos[v as usize] as f64 + 0.5) / own_len
            } else {
                let sum: f64 = nb.iter().map(|&w| o.pos[w as usize] as f64 + 0.5).sum();
                sum / nb.len() as f64 / other_len
            };
            keyed.push((lg.comp[v as usize], key, v));
        }
        keyed.sort_by(|a, b| {
            (a.0, a.1, o.pos[a.2 as usize])
                .partial_cmp(&(b.0, b.1, o.pos[b.2 as usize]))
                .unwrap()
        });
        for (i, &(_, _, v)) in keyed.iter().enumerate() {
            o.layers[l][i] = v;
            o.pos[v as usize] = i as u32;
        }
    }
}

/// Runs the sweeps and transpositions; returns (initial crossings, final crossings).
pub fn reduce(lg: &Layered, o: &mut Ordering, max_sweeps: usize, passes: usize) -> (usize, usize) {
    let mut counter = Counter::default();
    let initial = counter.total(lg, &o.layers, &o.pos);
    let mut best = initial;
    let mut best_order: Option<Ordering> = None;
    let start = (max_sweeps > 0 && initial > 0).then(|| o.clone());
    let mut keyed = Vec::new();
    let mut stale = 0;
    for _ in 0..max_sweeps {
        if best == 0 || stale >= 2 {
            break;
        }
        // Evaluated after every half-sweep: on this topology the upward sweep often
        // undoes a good downward one, and the best half-sweep result is kept.
        let mut improved = false;
        for downward in [true, false] {
            sweep(lg, o, downward, &mut keyed);
            let c = counter.total(lg, &o.layers, &o.pos);
            if c < best {
                best = c;
                best_order = Some(o.clone());
                improved = true;
            }
        }
        stale = if improved { 0 } else { stale + 1 };
    }
    // Keep the best ordering; when no sweep beat the initial one, go back to it.
    if let Some(b) = best_order.or(start) {
        *o = b;
    }
    crate::transpose::transpose(lg, o, passes);
    let fin = counter.total(lg, &o.layers, &o.pos);
    (initial, fin)
}
