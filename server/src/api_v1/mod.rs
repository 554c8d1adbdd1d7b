//! The read-only JSON API under `/api/v1/`, for scripts and other tools. It authenticates by
//! `Authorization: Bearer gwa_…` (API tokens, scoped like wall tokens; see
//! `auth::api_tokens`), not by the browser session, so the access layer lists `/api/v1/` as
//! public and every handler takes a [`caller::Caller`]. The OpenAPI document is generated from
//! these handlers and types (utoipa) and served at `/api/v1/openapi.json`.

pub mod accounts;
pub mod caller;
pub mod conflicts;
pub mod connections;
pub mod error;
pub mod history;
pub mod page;
pub mod resource_sql;
pub mod resources;
pub mod topology;

use app::state::AppState;
use axum::routing::get;
use axum::{Json, Router};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "gatewatch API",
        description = "Read-only view of the VPN estate gatewatch keeps in sync. Every list is paginated with `limit` and `cursor`; follow `next`.",
    ),
    paths(
        accounts::list,
        resources::gateways,
        resources::gateway,
        connections::list,
        connections::one,
        resources::bgp_sessions,
        resources::routes,
        history::list,
        conflicts::report,
        topology::graph,
    ),
    modifiers(&BearerAuth),
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("gwa_ token")
                    .build(),
            ),
        );
    }
}

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

/// The API's routes; unknown paths under `/api/v1/` answer a JSON 404.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/openapi.json", get(openapi))
        .route("/api/v1/accounts", get(accounts::list))
        .route("/api/v1/gateways", get(resources::gateways))
        .route("/api/v1/gateways/{id}", get(resources::gateway))
        .route("/api/v1/connections", get(connections::list))
        .route("/api/v1/connections/{id}", get(connections::one))
        .route("/api/v1/bgp-sessions", get(resources::bgp_sessions))
        .route("/api/v1/routes", get(resources::routes))
        .route("/api/v1/history", get(history::list))
        .route("/api/v1/conflicts", get(conflicts::report))
        .route("/api/v1/topology", get(topology::graph))
        .route("/api/v1/{*rest}", get(not_found))
}

async fn not_found() -> error::ApiError {
    error::ApiError::NotFound("no such API path: see /api/v1/openapi.json".into())
}
