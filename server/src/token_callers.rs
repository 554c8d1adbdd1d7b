//! A wall or API token presented where no token applies. A wall token opens its wall and an
//! API token the JSON API, nothing else; when such a caller (no session of its own) reaches a
//! server function or page its role does not allow, the answer is 403 "this token may not do
//! this" with an audit entry naming the token, not the 401 "please sign in" that an anonymous
//! visitor gets: the token was understood, and refused.
//!
//! The token is read from `Authorization: Bearer …`, and for a wall screen from the page the
//! request came from (`Referer: …/wall/<token>`), which is how the wall's browser would call.

use app::state::AppState;
use axum::http::{header, HeaderMap};

/// The token's kind and name when the request presents a valid wall or API token.
pub async fn presented_token(state: &AppState, headers: &HeaderMap) -> Option<String> {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    let from_wall = headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| r.split("/wall/").nth(1))
        .and_then(|rest| rest.split(['/', '?', '#']).next());
    let now = chrono::Utc::now();
    for plain in [bearer, from_wall].into_iter().flatten() {
        if plain.starts_with("gww_") {
            if let Ok(Some(wall)) = auth::wall::TOKENS.resolve(&state.pool, plain, now).await {
                return Some(format!("wall token {}", wall.name));
            }
        } else if plain.starts_with("gwa_") {
            if let Ok(Some(api)) = auth::api_tokens::TOKENS
                .resolve(&state.pool, plain, now)
                .await
            {
                return Some(format!("API token {}", api.name));
            }
        }
    }
    None
}
