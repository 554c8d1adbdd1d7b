//! Topology: VPCs and VBRs, VPN gateways, connections with their tunnels, customer gateways and
//! sites (merged across clouds) as one graph, laid out and drawn as SVG on the server. Above a
//! node budget the graph starts aggregated (cloud → account and region → gateway → connection);
//! groups expand by link. Pinned nodes (see [`super::topology_layouts`]) keep their place.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Most nodes drawn before the view aggregates by itself.
pub const NODE_BUDGET: usize = 150;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupLink {
    pub name: String,
    pub expanded: bool,
    /// Nodes inside the group.
    pub members: usize,
}

/// What the side panel shows for one drawn node.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NodeDetail {
    /// The drawn node id (as in the SVG's `data-id`).
    pub id: String,
    /// Human name of the kind ("VPN gateway").
    pub kind: String,
    pub label: String,
    /// `up`, `degraded`, `down` or `unknown`.
    pub state: String,
    /// Cloud › account · region, for nodes that belong to one.
    pub place: Option<String>,
    pub facts: Vec<(String, String)>,
    /// (text, href) of pages that show more.
    pub links: Vec<(String, String)>,
    pub pinned: bool,
    /// Nodes represented (more than 1 for a collapsed group).
    pub members: u32,
    /// The group's name, for a collapsed group (to expand it).
    pub group: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TopologyView {
    /// The drawing; every text in it is XML-escaped by the renderer.
    pub svg: String,
    pub nodes: usize,
    pub edges: usize,
    /// Nodes before aggregation.
    pub total_nodes: usize,
    /// The groups that can be toggled now (their enclosing groups are expanded).
    pub groups: Vec<GroupLink>,
    /// The expansion actually drawn (for links that toggle one group).
    pub expanded: Vec<String>,
    /// Every drawn node's details, in node id order.
    pub details: Vec<NodeDetail>,
    /// How many drawn nodes are pinned.
    pub pinned: usize,
}

/// `expand`: groups to expand, as in the URL (`None` = the automatic level).
#[server(endpoint = "topology")]
pub async fn get_topology(
    #[server(default)] expand: Option<Vec<String>>,
) -> Result<TopologyView, AppError> {
    let (state, _) = crate::access::guard::require(crate::access::Role::Viewer, "read").await?;
    let session = super::topology_layouts::ssr::session().await?;
    let pins = super::topology_layouts::ssr::working_pins(&session).await?;
    crate::api::topology_sql::view(&state.pool, expand, &pins).await
}
