//! Input and output types of the layout.
//!
//! Nodes are identified by their `id` string; edges refer to those ids. Internally every
//! phase works on dense `u32` indices assigned in *sorted id order*, so the result depends
//! only on the set of nodes and edges, never on input order or hash iteration order.

use std::collections::BTreeMap;

/// What a node is; decides its default rank hint, default size and SVG shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Vpc,
    Vbr,
    RouterInterface,
    VpnGateway,
    PhysicalConnection,
    Connection,
    Tunnel,
    CustomerGateway,
    Site,
    /// A collapsed aggregation group (see [`crate::aggregate`]).
    Group,
}

impl Kind {
    /// The layer this kind belongs to in the connectivity picture
    /// (VPC/VBR → gateway → connection → tunnel → customer gateway → site).
    pub fn default_rank(self) -> Option<u32> {
        match self {
            Kind::Vpc | Kind::Vbr => Some(0),
            Kind::VpnGateway | Kind::RouterInterface => Some(1),
            Kind::Connection | Kind::PhysicalConnection => Some(2),
            Kind::Tunnel => Some(3),
            Kind::CustomerGateway => Some(4),
            Kind::Site => Some(5),
            Kind::Group => None,
        }
    }

    /// Short human name, used in the SVG legend.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Vpc => "VPC",
            Kind::Vbr => "VBR",
            Kind::RouterInterface => "Router interface",
            Kind::VpnGateway => "VPN gateway",
            Kind::PhysicalConnection => "Physical connection",
            Kind::Connection => "VPN connection",
            Kind::Tunnel => "Tunnel",
            Kind::CustomerGateway => "Customer gateway",
            Kind::Site => "Site",
            Kind::Group => "Group",
        }
    }
}

/// Health of a node or edge. Ordered from best to worst so `max` is "worst of".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum State {
    Up,
    #[default]
    Unknown,
    Degraded,
    Down,
}

/// One node of the input graph. Sizes are in layout units (SVG user units).
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Unique id; a later duplicate of an id is ignored.
    pub id: String,
    pub label: String,
    pub kind: Kind,
    pub state: State,
    /// Preferred layer (0 = top). Treated as a lower bound: exact whenever the edges
    /// point from lower to higher hints, pushed down only when edges force it.
    pub rank: Option<u32>,
    pub width: f32,
    pub height: f32,
    /// Fixed centre position; kept exactly, other nodes avoid it.
    pub pinned: Option<(f32, f32)>,
    /// Members represented by this node (1 unless it is an aggregation group).
    pub members: u32,
}

impl Node {
    /// A node of `kind` with its default rank hint and a default size.
    pub fn new(id: impl Into<String>, kind: Kind) -> Node {
        let id = id.into();
        let (width, height) = match kind {
            Kind::Connection | Kind::Tunnel | Kind::PhysicalConnection => (96.0, 32.0),
            _ => (120.0, 40.0),
        };
        Node {
            label: id.clone(),
            id,
            kind,
            state: State::Unknown,
            rank: kind.default_rank(),
            width,
            height,
            pinned: None,
            members: 1,
        }
    }
}

/// A directed edge between two node ids. Self-loops, duplicates and unknown ids are
/// tolerated (duplicates share one route; unknown ids get an empty route).
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    pub from: String,
    pub to: String,
    pub state: State,
    /// Number of underlying edges merged into this one (1 unless aggregated).
    pub count: u32,
}

impl Edge {
    pub fn new(from: impl Into<String>, to: impl Into<String>) -> Edge {
        Edge {
            from: from.into(),
            to: to.into(),
            state: State::Unknown,
            count: 1,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

/// The route of one input edge, from the `from` node's border to the `to` node's border.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EdgePath {
    pub points: Vec<Point>,
}

impl EdgePath {
    /// SVG path data (`M x y L x y …`), one decimal; empty for unroutable edges.
    pub fn d(&self) -> String {
        let mut d = String::with_capacity(self.points.len() * 16);
        for (i, p) in self.points.iter().enumerate() {
            let cmd = if i == 0 { 'M' } else { 'L' };
            if i > 0 {
                d.push(' ');
            }
            d.push_str(&format!("{cmd}{:.1} {:.1}", p.x, p.y));
        }
        d
    }
}

/// Result of [`crate::layout`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// Centre of every node, by id.
    pub positions: BTreeMap<String, Point>,
    /// `edge_paths[i]` routes `graph.edges[i]`.
    pub edge_paths: Vec<EdgePath>,
    /// Bounding box of nodes and routes: top-left corner, width and height.
    pub min: Point,
    pub width: f32,
    pub height: f32,
    /// Crossings between adjacent layers after crossing reduction.
    pub crossings: usize,
    /// Crossings of the initial order (sorted ids, DFS order, or the previous layout),
    /// kept as the baseline the reduction is measured against.
    pub initial_crossings: usize,
    /// Number of layers (ranks) used.
    pub layers: usize,
}

/// Tuning knobs; [`Options::default`] suits the gatewatch topology view.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Horizontal space between neighbouring nodes in a layer.
    pub node_gap: f32,
    /// Vertical space between layers.
    pub rank_gap: f32,
    /// Horizontal space reserved by an edge passing through a layer.
    pub edge_gap: f32,
    /// Horizontal space between disconnected components.
    pub component_gap: f32,
    /// Cap on barycenter sweep pairs (down + up) in crossing reduction.
    pub max_sweeps: usize,
    /// Cap on adjacent-transposition passes per layer.
    pub transpose_passes: usize,
    /// Relaxation rounds of coordinate assignment.
    pub coord_iterations: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            node_gap: 24.0,
            rank_gap: 64.0,
            edge_gap: 12.0,
            component_gap: 48.0,
            max_sweeps: 8,
            transpose_passes: 8,
            coord_iterations: 8,
        }
    }
}
