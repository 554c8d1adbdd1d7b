//! The connectivity graph (the Topology page's, `topology_graph_sql::build`) as nodes and
//! edges, built only from the rows inside the token's scope, so no node or edge outside it
//! exists in the answer. Not paginated: a graph is only meaningful whole.

use super::caller::Caller;
use super::error::{ApiError, ErrorBody};
use app::api::topology_details::state_name;
use app::api::topology_rows_sql::{resources, Resource};
use app::state::AppState;
use auth::Scope;
use axum::extract::State;
use axum::Json;
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct TopologyNode {
    /// `<account>/<region>/<kind>/<cloud id>`, or `site/<key>` for a site.
    pub id: String,
    pub label: String,
    /// `VPC`, `VBR`, `VPN gateway`, `Connection`, `Tunnel`, `Customer gateway`, `Site`, …
    pub kind: String,
    /// `up`, `degraded`, `down` or `unknown`.
    pub state: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TopologyEdge {
    pub from: String,
    pub to: String,
    /// The worst state of the tunnels and BGP sessions behind the edge.
    pub state: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Topology {
    pub nodes: Vec<TopologyNode>,
    pub edges: Vec<TopologyEdge>,
}

/// The rows inside `scope`. A connection's site is its customer gateway's name, a tunnel's
/// is its connection's; other kinds have none (outside a site-restricted scope).
fn in_scope(rows: Vec<Resource>, scope: &Scope) -> Vec<Resource> {
    type Key = (String, String, String);
    let key = |r: &Resource, id: &str| -> Key { r.key(id) };
    let gateway_name: BTreeMap<Key, String> = rows
        .iter()
        .filter(|r| r.kind == "customer_gateway")
        .map(|r| (key(r, &r.id), r.label()))
        .collect();
    let connection_site: BTreeMap<Key, String> = rows
        .iter()
        .filter(|r| r.kind == "connection")
        .filter_map(|r| {
            let cg = r.attr("customer_gateway_id")?;
            Some((key(r, &r.id), gateway_name.get(&key(r, &cg))?.clone()))
        })
        .collect();
    let site = |r: &Resource| -> Option<String> {
        match r.kind.as_str() {
            "customer_gateway" => Some(r.label()),
            "connection" => connection_site.get(&key(r, &r.id)).cloned(),
            "tunnel" => connection_site.get(&key(r, r.parent.as_deref()?)).cloned(),
            _ => None,
        }
    };
    let keep: Vec<bool> = rows
        .iter()
        .map(|r| scope.allows(&r.cloud, &r.account, &r.region, site(r).as_deref()))
        .collect();
    rows.into_iter()
        .zip(keep)
        .filter_map(|(r, k)| k.then_some(r))
        .collect()
}

/// The connectivity graph: VPC / VBR → VPN gateway → connection → tunnel → customer gateway
/// → site.
#[utoipa::path(get, path = "/api/v1/topology", security(("bearer" = [])),
    responses((status = 200, body = Topology), (status = 401, body = ErrorBody)))]
pub async fn graph(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Topology>, ApiError> {
    let rows = resources(&state.pool).await.map_err(|e| {
        tracing::warn!(error = %e, "api v1: topology rows failed");
        ApiError::Unavailable
    })?;
    let built = app::api::topology_graph_sql::build(&in_scope(rows, &caller.scope));
    Ok(Json(Topology {
        nodes: built
            .graph
            .nodes
            .iter()
            .map(|n| TopologyNode {
                id: n.id.clone(),
                label: n.label.clone(),
                kind: n.kind.label().to_string(),
                state: state_name(n.state).to_string(),
            })
            .collect(),
        edges: built
            .graph
            .edges
            .iter()
            .map(|e| TopologyEdge {
                from: e.from.clone(),
                to: e.to.clone(),
                state: state_name(e.state).to_string(),
            })
            .collect(),
    }))
}
