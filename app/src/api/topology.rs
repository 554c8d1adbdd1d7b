//! Topology: VPCs and VBRs, VPN gateways, connections and sites (customer gateways merged
//! across clouds) as one graph, laid out and drawn as SVG on the server. Above a node budget
//! the graph starts aggregated (cloud → account and region → gateway); groups expand by link.

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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TopologyView {
    /// The drawing; every text in it is XML-escaped by the renderer.
    pub svg: String,
    pub nodes: usize,
    pub edges: usize,
    /// Nodes before aggregation.
    pub total_nodes: usize,
    pub groups: Vec<GroupLink>,
    /// The expansion actually drawn (for links that toggle one group).
    pub expanded: Vec<String>,
}

/// `expand`: groups to expand, as in the URL (`None` = the automatic level).
#[server(endpoint = "topology")]
pub async fn get_topology(
    #[server(default)] expand: Option<Vec<String>>,
) -> Result<TopologyView, AppError> {
    let state = expect_context::<crate::state::AppState>();
    crate::api::topology_sql::view(&state.pool, expand).await
}
