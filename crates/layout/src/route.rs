//! Phase 6 — edge routing: **polylines through the dummy nodes**.
//!
//! An edge leaves the bottom border of its upper node, bends at each dummy (one per
//! skipped layer, already placed by coordinate assignment so long edges run straight
//! and avoid nodes of the layers they cross) and enters the top border of its lower
//! node. Edges reversed for cycle removal are read backwards, so every path runs
//! from `from` to `to` and an SVG `marker-end` arrow points the right way. Self-loops
//! are a small rectangle on the node's right side; edges to unknown ids get no points.

use crate::layered::Layered;
use crate::model::{EdgePath, Point};
use crate::prep::EdgeRef;

pub fn routes(
    lg: &Layered,
    edge_ref: &[EdgeRef],
    x: &[f64],
    y: &[f64],
    size: &[(f32, f32)],
) -> Vec<EdgePath> {
    let pt = |px: f64, py: f64| Point {
        x: px as f32,
        y: py as f32,
    };
    let canonical: Vec<Vec<Point>> = (0..lg.reversed.len())
        .map(|e| {
            let chain = lg.chain.row(e);
            let last = chain.len().saturating_sub(1);
            let mut pts: Vec<Point> = chain
                .iter()
                .enumerate()
                .map(|(i, &v)| {
                    let v = v as usize;
                    let half_h = if lg.is_dummy(v) {
                        0.0
                    } else {
                        size[v].1 as f64 / 2.0
                    };
                    match i {
                        0 => pt(x[v], y[v] + half_h),
                        i if i == last => pt(x[v], y[v] - half_h),
                        _ => pt(x[v], y[v]),
                    }
                })
                .collect();
            if lg.reversed[e] {
                pts.reverse();
            }
            pts
        })
        .collect();
    edge_ref
        .iter()
        .map(|r| EdgePath {
            points: match *r {
                EdgeRef::Missing => Vec::new(),
                EdgeRef::Edge(e) => canonical[e as usize].clone(),
                EdgeRef::SelfLoop(v) => {
                    let v = v as usize;
                    let (w, h) = (size[v].0 as f64 / 2.0, size[v].1 as f64 / 4.0);
                    let (rx, loop_x) = (x[v] + w, x[v] + w + 16.0);
                    vec![
                        pt(rx, y[v] - h),
                        pt(loop_x, y[v] - h),
                        pt(loop_x, y[v] + h),
                        pt(rx, y[v] + h),
                    ]
                }
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reversed_edge_runs_from_its_source() {
        // Canonical edge 1 → 0 drawn with 0 on top (reversed).
        let lg = Layered::build(&[0, 1], &[0, 0], &[(1, 0)], &[true]);
        let x = [0.0, 0.0];
        let y = [20.0, 100.0];
        let r = routes(&lg, &[EdgeRef::Edge(0)], &x, &y, &[(50.0, 40.0); 2]);
        assert_eq!(
            r[0].points,
            vec![Point { x: 0.0, y: 80.0 }, Point { x: 0.0, y: 40.0 }]
        );
        assert_eq!(r[0].d(), "M0.0 80.0 L0.0 40.0");
    }

    #[test]
    fn self_loop_and_missing() {
        let lg = Layered::build(&[0], &[0], &[], &[]);
        let r = routes(
            &lg,
            &[EdgeRef::SelfLoop(0), EdgeRef::Missing],
            &[0.0],
            &[0.0],
            &[(40.0, 20.0)],
        );
        assert_eq!(r[0].points.len(), 4);
        assert!(r[1].points.is_empty());
    }
}
