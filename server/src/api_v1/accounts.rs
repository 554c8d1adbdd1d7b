//! Cloud accounts inside the token's scope (never a key secret; the access key id neither:
//! API clients have no use for it). A region-restricted scope shows only its regions.

use super::caller::Caller;
use super::error::{ApiError, ErrorBody};
use super::page::{self, PageParams, Paging};
use app::state::AppState;
use axum::extract::State;
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct Account {
    pub name: String,
    /// `aliyun` or `huawei`.
    pub cloud: String,
    /// The regions gatewatch syncs for this account (within the scope).
    pub regions: Vec<String>,
    pub enabled: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AccountPage {
    pub items: Vec<Account>,
    /// The next page's URL (same limit), absent on the last page.
    pub next: Option<String>,
}

/// Cloud accounts, by name.
#[utoipa::path(get, path = "/api/v1/accounts", params(PageParams), security(("bearer" = [])),
    responses((status = 200, body = AccountPage), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Paging(params): Paging,
) -> Result<Json<AccountPage>, ApiError> {
    let limit = params.limit()?;
    let after: Option<String> = params.position()?;
    let s = &caller.scope;
    // A site-restricted scope sees accounts (they hold its sites); regions are cut to the
    // scope's, and an account with none of them left is not shown.
    let rows: Vec<(String, String, Vec<String>, bool)> = sqlx::query_as(
        "SELECT name, cloud, \
           ARRAY(SELECT r FROM unnest(regions) r \
                 WHERE cardinality($3::text[]) = 0 OR r = ANY($3) ORDER BY r), enabled \
         FROM cloud_account WHERE deleted_at IS NULL \
           AND (cardinality($1::text[]) = 0 OR cloud = ANY($1)) \
           AND (cardinality($2::text[]) = 0 OR name = ANY($2)) \
           AND (cardinality($3::text[]) = 0 OR regions && $3) \
           AND ($4::text IS NULL OR name > $4) \
         ORDER BY name LIMIT $5",
    )
    .bind(&s.clouds)
    .bind(&s.accounts)
    .bind(&s.regions)
    .bind(after)
    .bind(limit + 1)
    .fetch_all(&state.pool)
    .await?;
    let more = rows.len() as i64 > limit;
    let mut items: Vec<Account> = rows
        .into_iter()
        .map(|(name, cloud, regions, enabled)| Account {
            name,
            cloud,
            regions,
            enabled,
        })
        .collect();
    items.truncate(limit as usize);
    let cursor = more
        .then(|| items.last().map(|a| page::cursor(&a.name)))
        .flatten();
    Ok(Json(AccountPage {
        items,
        next: page::next_link("/api/v1/accounts", limit, cursor),
    }))
}
