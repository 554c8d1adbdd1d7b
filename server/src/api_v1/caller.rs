//! The API's caller: the scope of the bearer token on the request. A missing, malformed,
//! unknown, expired or revoked token is one 401, without saying which.

use super::error::ApiError;
use app::state::AppState;
use auth::Scope;
use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;

pub struct Caller {
    pub scope: Scope,
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or(ApiError::Unauthorized)?;
        let found = auth::api_tokens::TOKENS
            .resolve(&state.pool, token.trim(), chrono::Utc::now())
            .await
            .map_err(|e| {
                tracing::warn!(error = %e, "api v1: token lookup failed");
                ApiError::Unavailable
            })?;
        found
            .map(|t| Caller { scope: t.scope })
            .ok_or(ApiError::Unauthorized)
    }
}
