//! The drawn topology as JSON: what the view shows (after aggregation and pins), with every
//! node's position, for scripts and other tools. A GET endpoint, so a plain link downloads it.

use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportNode {
    pub id: String,
    pub kind: String,
    pub label: String,
    pub state: String,
    /// Centre, in the SVG's user units.
    pub x: f32,
    pub y: f32,
    pub pinned: bool,
    /// Nodes represented (more than 1 for a collapsed group).
    pub members: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportEdge {
    pub from: String,
    pub to: String,
    /// The worst state of the tunnels / BGP sessions behind the edge.
    pub state: String,
    /// Underlying edges merged into this one.
    pub count: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GraphExport {
    /// Expanded groups (everything else is collapsed).
    pub expanded: Vec<String>,
    pub nodes: Vec<ExportNode>,
    pub edges: Vec<ExportEdge>,
}

/// `expand`: the groups to expand, as drawn by the page (none = everything collapsed).
#[server(endpoint = "topology/graph.json", input = GetUrl)]
pub async fn topology_graph(
    #[server(default)] expand: Vec<String>,
) -> Result<GraphExport, AppError> {
    let (state, _) = crate::access::guard::require(crate::access::Role::Viewer, "read").await?;
    let session = super::topology_layouts::ssr::session().await?;
    let pins = super::topology_layouts::ssr::working_pins(&session).await?;
    ssr::export(&state.pool, expand, &pins).await
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use crate::api::topology_details::state_name;
    use crate::api::topology_layouts::Pins;
    use sqlx::PgPool;

    pub async fn export(
        pool: &PgPool,
        expand: Vec<String>,
        pins: &Pins,
    ) -> Result<GraphExport, AppError> {
        let d = crate::api::topology_sql::drawn(pool, Some(expand), pins).await?;
        let nodes = d
            .shown
            .nodes
            .iter()
            .filter_map(|n| {
                let p = d.layout.positions.get(&n.id)?;
                Some(ExportNode {
                    id: n.id.clone(),
                    kind: n.kind.label().to_string(),
                    label: n.label.clone(),
                    state: state_name(n.state).to_string(),
                    x: p.x,
                    y: p.y,
                    pinned: n.pinned.is_some(),
                    members: n.members,
                })
            })
            .collect();
        let edges = d
            .shown
            .edges
            .iter()
            .map(|e| ExportEdge {
                from: e.from.clone(),
                to: e.to.clone(),
                state: state_name(e.state).to_string(),
                count: e.count,
            })
            .collect();
        Ok(GraphExport {
            expanded: d.expanded.into_iter().collect(),
            nodes,
            edges,
        })
    }
}

/// The URL of the JSON export of the view drawn with `expanded`.
pub fn link(expanded: &[String]) -> String {
    let query: Vec<String> = expanded
        .iter()
        .enumerate()
        .map(|(i, g)| format!("expand[{i}]={}", crate::url::encode(g)))
        .collect();
    format!("/api/topology/graph.json?{}", query.join("&"))
}
