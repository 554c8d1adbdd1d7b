//! State changes (tunnels, IKE / IPsec / BGP / health facets, connections), newest first,
//! restricted to the token's scope in SQL like the wall's.

use super::caller::Caller;
use super::error::{ApiError, ErrorBody};
use super::page::{self, PageParams, Paging};
use app::state::AppState;
use axum::extract::State;
use axum::Json;
use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::FromRow;
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema, FromRow)]
pub struct StateChange {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub cloud: String,
    pub account: String,
    pub region: String,
    pub kind: String,
    /// The resource's cloud id.
    pub resource_id: String,
    pub name: Option<String>,
    /// Which state changed: `main`, `ike`, `ipsec`, `health`, `bgp` or `lifecycle`.
    pub facet: String,
    pub old_state: Option<String>,
    pub new_state: String,
    pub reason: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StateChangePage {
    pub items: Vec<StateChange>,
    /// The next page's URL (same limit), absent on the last page.
    pub next: Option<String>,
}

/// State changes, newest first.
#[utoipa::path(get, path = "/api/v1/history", params(PageParams), security(("bearer" = [])),
    responses((status = 200, body = StateChangePage), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Paging(params): Paging,
) -> Result<Json<StateChangePage>, ApiError> {
    let limit = params.limit()?;
    let before: Option<i64> = params.position()?;
    let s = &caller.scope;
    let mut items: Vec<StateChange> = sqlx::query_as(
        "SELECT t.id, t.at, a.cloud, a.name AS account, t.region, t.kind, \
           t.cloud_id AS resource_id, r.name, t.facet, t.old_state, t.new_state, t.reason \
         FROM state_transition t \
         JOIN cloud_account a ON a.id = t.account_id AND a.deleted_at IS NULL \
         LEFT JOIN resource_current r ON r.account_id = t.account_id AND r.region = t.region \
           AND r.kind = t.kind AND r.cloud_id = t.cloud_id \
         LEFT JOIN resource_current c ON c.kind = 'connection' AND c.account_id = t.account_id \
           AND c.region = t.region \
           AND c.cloud_id = CASE t.kind WHEN 'tunnel' THEN r.parent_id WHEN 'connection' THEN t.cloud_id END \
         LEFT JOIN resource_current cg ON cg.kind = 'customer_gateway' AND cg.account_id = c.account_id \
           AND cg.region = c.region AND cg.cloud_id = c.attrs ->> 'customer_gateway_id' \
         WHERE ($5::bigint IS NULL OR t.id < $5) \
           AND (cardinality($1::text[]) = 0 OR a.cloud = ANY($1)) \
           AND (cardinality($2::text[]) = 0 OR a.name = ANY($2)) \
           AND (cardinality($3::text[]) = 0 OR t.region = ANY($3)) \
           AND (cardinality($4::text[]) = 0 OR cg.name = ANY($4)) \
         ORDER BY t.id DESC LIMIT $6",
    )
    .bind(&s.clouds)
    .bind(&s.accounts)
    .bind(&s.regions)
    .bind(&s.sites)
    .bind(before)
    .bind(limit + 1)
    .fetch_all(&state.pool)
    .await?;
    let more = items.len() as i64 > limit;
    items.truncate(limit as usize);
    let cursor = more
        .then(|| items.last().map(|c| page::cursor(&c.id)))
        .flatten();
    Ok(Json(StateChangePage {
        items,
        next: page::next_link("/api/v1/history", limit, cursor),
    }))
}
