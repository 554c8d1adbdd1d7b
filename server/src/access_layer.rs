//! The first line of access control: every route except the public ones needs at least the
//! role its path prefix names (admin for `/admin/` and `/api/admin/`, operator for
//! `/api/operator/`, else viewer) (a signed-in user, or the guest role when the installation allows one). Pages
//! redirect to the sign-in page; server functions and other routes answer 401. Operator and
//! admin actions check their own role again inside the server function (`require`), so a
//! route added later cannot be reached by a guest by accident, and an action never relies on
//! this layer alone.

use app::access::Role;
use app::state::AppState;
use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

/// Paths anyone may request: probes, static files, sign-in and setup, the wall and the JSON
/// API (which check their own tokens), and metrics (public or token, as configured).
pub fn is_public(path: &str) -> bool {
    const EXACT: [&str; 7] = [
        "/healthz",
        "/metrics",
        "/readyz",
        "/login",
        "/setup",
        "/favicon.svg",
        "/robots.txt",
    ];
    const PREFIXES: [&str; 5] = ["/pkg/", "/api/session/", "/wall/", "/api/wall/", "/api/v1/"];
    EXACT.contains(&path) || PREFIXES.iter().any(|p| path.starts_with(p))
}

/// The least role a path needs: admin pages and functions need admin, operator actions
/// (under `/api/operator/`) need operator, everything else that is not public needs viewer.
pub fn required_role(path: &str) -> Role {
    // Admin pages themselves render for anyone signed in (they say plainly who may see
    // them); their data comes from `/api/admin/` functions, and exports end in `.csv`.
    if path.starts_with("/api/admin/") || (path.starts_with("/admin/") && path.ends_with(".csv")) {
        Role::Admin
    } else if path.starts_with("/api/operator/") || path.starts_with("/operator/") {
        Role::Operator
    } else {
        Role::Viewer
    }
}

pub async fn require_viewer(
    State(state): State<AppState>,
    session: Session,
    req: Request,
    next: Next,
) -> Response {
    let path = req.uri().path().to_string();
    if is_public(&path) {
        return next.run(req).await;
    }
    let who = match app::access::guard::principal(&state, &session, chrono::Utc::now()).await {
        Ok(who) => who,
        Err(e) => return (StatusCode::SERVICE_UNAVAILABLE, e.to_string()).into_response(),
    };
    let needed = required_role(&path);
    if who.role.is_some_and(|r| r >= needed) {
        return next.run(req).await;
    }
    // Not enough for a caller with no session of its own who shows a wall or API token:
    // the token is refused (403), under its own name.
    let token = match who.signed_in {
        true => None,
        false => crate::token_callers::presented_token(&state, req.headers()).await,
    };
    if who.role.is_some() || token.is_some() {
        // Signed in (or a guest) but not enough: refused before the server function even
        // parses its arguments, and audited.
        auth::audit::record(
            &state.pool,
            &auth::audit::Entry {
                actor: token.as_deref().unwrap_or(&who.name),
                address: None,
                action: "access_denied",
                target: Some(&path),
                outcome: auth::audit::Outcome::Denied,
                detail: serde_json::json!({ "required": needed, "had": who.role }),
            },
        )
        .await;
        return match who.signed_in || token.is_some() {
            true => (StatusCode::FORBIDDEN, "your role or token may not do this").into_response(),
            false => (StatusCode::UNAUTHORIZED, "please sign in").into_response(),
        };
    }
    let is_page = req.method() == Method::GET
        && !path.starts_with("/api/")
        && req
            .headers()
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|a| a.contains("text/html"));
    if is_page {
        let back = req
            .uri()
            .path_and_query()
            .map(|p| p.as_str())
            .unwrap_or("/");
        let target = format!("/login?next={}", app::url::encode(back));
        return Redirect::to(&target).into_response();
    }
    (StatusCode::UNAUTHORIZED, "please sign in").into_response()
}

#[cfg(test)]
mod tests {
    use super::is_public;

    #[test]
    fn only_the_listed_paths_are_public() {
        for p in [
            "/healthz",
            "/login",
            "/pkg/gatewatch.wasm",
            "/wall/gww_x",
            "/api/session/login",
        ] {
            assert!(is_public(p), "{p}");
        }
        for p in [
            "/",
            "/connections",
            "/api/connections",
            "/connections.csv",
            "/events",
            "/loginx",
            "/walls",
        ] {
            assert!(!is_public(p), "{p}");
        }
    }
}
