//! IPsec connections with their tunnels (one page of connections, then their tunnels in one
//! more query).

use super::caller::Caller;
use super::error::{ApiError, ErrorBody};
use super::page::{self, PageParams, Paging};
use super::resource_sql::{self, ResourceRow};
use super::resources::{self, Resource};
use app::state::AppState;
use axum::extract::{Path, State};
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct Connection {
    #[serde(flatten)]
    pub connection: Resource,
    pub tunnels: Vec<Resource>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ConnectionPage {
    pub items: Vec<Connection>,
    /// The next page's URL (same limit), absent on the last page.
    pub next: Option<String>,
}

fn with_tunnels(connections: Vec<ResourceRow>, mut tunnels: Vec<ResourceRow>) -> Vec<Connection> {
    connections
        .into_iter()
        .map(|c| {
            let (mine, rest): (Vec<_>, Vec<_>) = tunnels.drain(..).partition(|t| {
                t.account == c.account
                    && t.region == c.region
                    && t.parent_id.as_deref() == Some(c.cloud_id.as_str())
            });
            tunnels = rest;
            Connection {
                connection: c.into(),
                tunnels: mine.into_iter().map(Resource::from).collect(),
            }
        })
        .collect()
}

/// IPsec connections, each with its tunnels.
#[utoipa::path(get, path = "/api/v1/connections", params(PageParams), security(("bearer" = [])),
    responses((status = 200, body = ConnectionPage), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Paging(params): Paging,
) -> Result<Json<ConnectionPage>, ApiError> {
    let (rows, cursor) = resources::rows(&state, &caller, "connection", &params).await?;
    let tunnels = resource_sql::tunnels_of(&state.pool, &caller.scope, &rows).await?;
    Ok(Json(ConnectionPage {
        items: with_tunnels(rows, tunnels),
        next: page::next_link("/api/v1/connections", params.limit()?, cursor),
    }))
}

/// One IPsec connection by its cloud id, with its tunnels.
#[utoipa::path(get, path = "/api/v1/connections/{id}", params(("id" = String, Path, description = "cloud id")),
    security(("bearer" = [])),
    responses((status = 200, body = Connection), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn one(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Connection>, ApiError> {
    let row = resource_sql::one(&state.pool, "connection", &caller.scope, &id)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("no connection with id {id:?}")))?;
    let rows = vec![row];
    let tunnels = resource_sql::tunnels_of(&state.pool, &caller.scope, &rows).await?;
    let mut found = with_tunnels(rows, tunnels);
    Ok(Json(found.remove(0)))
}
