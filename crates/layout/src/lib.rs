//! Pure layered layout of the gatewatch connectivity topology (no UI, no database).
//!
//! Input is a [`Graph`] of [`Node`]s (string ids, a [`Kind`], an optional rank hint,
//! a size, an optional pinned position) and [`Edge`]s between ids. [`layout`] returns
//! a [`Layout`]: node centres by id, one route per input edge (usable as SVG path
//! data), the bounding box and the crossing count. It is a Sugiyama-style pipeline,
//! one module per phase (see [`pipeline`] for the order). [`aggregate`] collapses
//! groups for the aggregation levels of the UI, [`svg`] renders a self-contained SVG,
//! and [`synthetic`] generates topology-shaped graphs for tests and the benchmark.

mod acyclic;
pub mod aggregate;
mod crossings;
mod csr;
mod layered;
mod legend;
mod model;
mod order;
mod pack;
pub mod pipeline;
mod position;
mod prep;
mod rank;
mod route;
mod solve1d;
mod stable;
pub mod svg;
pub mod synthetic;
mod transpose;

pub use model::{Edge, EdgePath, Graph, Kind, Layout, Node, Options, Point, State};
pub use pipeline::layout;
