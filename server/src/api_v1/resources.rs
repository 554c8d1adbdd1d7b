//! Gateways, BGP sessions and routes: one shape (`Resource`) over the neutral model, listed a
//! page at a time and fetched by cloud id.

use super::caller::Caller;
use super::error::{ApiError, ErrorBody};
use super::page::{self, PageParams, Paging};
use super::resource_sql::{self, Position, ResourceRow};
use app::state::AppState;
use axum::extract::{Path, State};
use axum::Json;
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct Resource {
    /// The cloud's own id.
    pub id: String,
    /// `aliyun` or `huawei`.
    pub cloud: String,
    pub account: String,
    pub region: String,
    pub name: Option<String>,
    /// The owner's cloud id (a route's table, a session's VBR, a tunnel's connection).
    pub parent_id: Option<String>,
    /// `up`, `down`, `partial`, `pending` or `unknown`.
    pub state: String,
    /// The cloud's own word for the state.
    pub raw_state: Option<String>,
    pub reason: Option<String>,
    pub state_since: DateTime<Utc>,
    /// The site (customer gateway name), when the resource has one.
    pub site: Option<String>,
    /// Routes only: the destination CIDR.
    pub destination: Option<String>,
    /// Routes only: the next hop.
    pub next_hop: Option<String>,
}

impl From<ResourceRow> for Resource {
    fn from(r: ResourceRow) -> Self {
        Resource {
            id: r.cloud_id,
            cloud: r.cloud,
            account: r.account,
            region: r.region,
            name: r.name,
            parent_id: r.parent_id,
            state: r.state,
            raw_state: r.raw_state,
            reason: r.reason,
            state_since: r.state_since,
            site: r.site,
            destination: r.destination,
            next_hop: r.next_hop,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ResourcePage {
    pub items: Vec<Resource>,
    /// The next page's URL (same limit), absent on the last page.
    pub next: Option<String>,
}

/// One page of `kind`: the rows, and the cursor of the page after it (if any).
pub async fn rows(
    state: &AppState,
    caller: &Caller,
    kind: &str,
    params: &PageParams,
) -> Result<(Vec<ResourceRow>, Option<String>), ApiError> {
    let limit = params.limit()?;
    let after: Option<Position> = params.position()?;
    let mut rows =
        resource_sql::page(&state.pool, kind, &caller.scope, after.as_ref(), limit).await?;
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let cursor = more
        .then(|| rows.last().map(|r| page::cursor(&r.position())))
        .flatten();
    Ok((rows, cursor))
}

async fn list(
    state: AppState,
    caller: Caller,
    kind: &str,
    path: &str,
    params: PageParams,
) -> Result<Json<ResourcePage>, ApiError> {
    let (rows, cursor) = rows(&state, &caller, kind, &params).await?;
    Ok(Json(ResourcePage {
        items: rows.into_iter().map(Resource::from).collect(),
        next: page::next_link(path, params.limit()?, cursor),
    }))
}

async fn one(
    state: AppState,
    caller: Caller,
    kind: &str,
    id: &str,
) -> Result<Json<Resource>, ApiError> {
    resource_sql::one(&state.pool, kind, &caller.scope, id)
        .await?
        .map(|r| Json(r.into()))
        .ok_or_else(|| ApiError::NotFound(format!("no {} with id {id:?}", kind.replace('_', " "))))
}

/// IPsec-VPN gateways.
#[utoipa::path(get, path = "/api/v1/gateways", params(PageParams), security(("bearer" = [])),
    responses((status = 200, body = ResourcePage), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
pub async fn gateways(
    State(state): State<AppState>,
    caller: Caller,
    Paging(params): Paging,
) -> Result<Json<ResourcePage>, ApiError> {
    list(state, caller, "vpn_gateway", "/api/v1/gateways", params).await
}

/// One IPsec-VPN gateway by its cloud id.
#[utoipa::path(get, path = "/api/v1/gateways/{id}", params(("id" = String, Path, description = "cloud id")),
    security(("bearer" = [])),
    responses((status = 200, body = Resource), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn gateway(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Resource>, ApiError> {
    one(state, caller, "vpn_gateway", &id).await
}

/// BGP sessions (VBR peers and VPN BGP).
#[utoipa::path(get, path = "/api/v1/bgp-sessions", params(PageParams), security(("bearer" = [])),
    responses((status = 200, body = ResourcePage), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
pub async fn bgp_sessions(
    State(state): State<AppState>,
    caller: Caller,
    Paging(params): Paging,
) -> Result<Json<ResourcePage>, ApiError> {
    list(state, caller, "bgp_session", "/api/v1/bgp-sessions", params).await
}

/// Routes of VPN gateways, route tables and VBRs.
#[utoipa::path(get, path = "/api/v1/routes", params(PageParams), security(("bearer" = [])),
    responses((status = 200, body = ResourcePage), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
pub async fn routes(
    State(state): State<AppState>,
    caller: Caller,
    Paging(params): Paging,
) -> Result<Json<ResourcePage>, ApiError> {
    list(state, caller, "route", "/api/v1/routes", params).await
}
