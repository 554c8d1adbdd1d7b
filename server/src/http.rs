//! The HTTP router: health probes, the Leptos pages and server functions, the static site, and
//! the layers every request passes (security headers, same-origin check, sessions, tracing,
//! body limit, compression).

use crate::config::Settings;
use app::state::AppState;
use axum::extract::{Request, State};
use axum::handler::Handler;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list_with_exclusions_and_ssg_and_context, LeptosRoutes};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::{SetResponseHeader, SetResponseHeaderLayer};
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};
use tower_sessions_sqlx_store::PostgresStore;

/// Server functions and forms never need more; larger bodies are refused with 413.
const MAX_BODY_BYTES: usize = 1024 * 1024;

pub fn router(state: AppState, settings: &Settings) -> Router {
    // Listing the routes renders the app once, outside any request. Its resources (the user
    // menu's "who am I") start then too, and without the state they panicked in a background
    // task ("expected context AppState"), seen in test logs next to slow start-ups.
    let route_state = state.clone();
    let (routes, _) =
        generate_route_list_with_exclusions_and_ssg_and_context(app::App, None, move || {
            provide_context(route_state.clone())
        });
    let store = PostgresStore::new(state.pool.clone());
    let sessions = SessionManagerLayer::new(store)
        .with_name("gatewatch_session")
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(settings.secure_cookie())
        .with_expiry(Expiry::OnInactivity(time::Duration::minutes(
            settings.session.idle_timeout_minutes,
        )));
    let shell_options = state.leptos_options.clone();
    crate::metrics::install();
    let scrape = crate::metrics_scrape::Scrape {
        app: state.clone(),
        access: settings.metrics.shared(),
    };
    let mut router = Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/connections.csv", get(connections_csv))
        .route("/admin/audit.csv", get(audit_csv))
        .route("/events", get(crate::events::console))
        .route("/wall/{token}/events", get(crate::events::wall))
        .route(
            "/metrics",
            get(crate::metrics_scrape::metrics).with_state(scrape),
        )
        .merge(crate::api_v1::router())
        .leptos_routes(&state, routes, move || app::shell(shell_options.clone()))
        // Static files (the WASM chunks, JS, CSS, public/) straight from ServeDir; anything
        // else is Leptos's 404 page. Not leptos_axum's file handler for the files: it looks up
        // response options through the thread's current reactive owner, which can be another
        // request's page being rendered on the same thread, and moved that page's headers (its
        // Content-Security-Policy) onto the file's response. The page then went out with the
        // script-less default policy and never hydrated. A split bundle (dozens of chunks per
        // page) made that common.
        //
        // `no-cache`: the files' names carry no hash, so a browser that kept last week's WASM
        // by heuristic freshness (no Cache-Control: a tenth of the file's age) would hydrate a
        // new version's pages with it after an upgrade. It now asks each time and gets a 304
        // without a body while the file is unchanged.
        .fallback_service(SetResponseHeader::if_not_present(
            ServeDir::new(&settings.site_root)
                .precompressed_gzip()
                .precompressed_br()
                .fallback(
                    leptos_axum::file_and_error_handler::<AppState, _>(app::shell)
                        .with_state(state.clone()),
                ),
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
        .layer(middleware::from_fn(load_preferences))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            crate::access_layer::require_viewer,
        ))
        .layer(sessions)
        .layer(middleware::from_fn(
            crate::form_posts::see_other_after_form_post,
        ))
        .layer(middleware::from_fn(crate::guard::same_origin))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(crate::compression::layer())
        .layer(TraceLayer::new_for_http().make_span_with(
            |req: &axum::http::Request<axum::body::Body>| crate::log_redact::request_span(req),
        ))
        .layer(middleware::from_fn(crate::metrics::track_http));
    for (name, value) in crate::guard::security_headers() {
        router = router.layer(SetResponseHeaderLayer::if_not_present(name, value));
    }
    router.with_state(state)
}

/// Puts the session's display preferences into the request, where the page render reads them
/// (rendering is synchronous; the session store is not). Only page loads need them.
async fn load_preferences(
    session: tower_sessions::Session,
    mut req: Request,
    next: Next,
) -> Response {
    let path = req.uri().path();
    let is_page =
        req.method() == Method::GET && !path.starts_with("/pkg/") && !path.starts_with("/api/");
    if is_page {
        match app::api::preferences::ssr::load(&session).await {
            Ok(prefs) => {
                req.extensions_mut().insert(prefs);
            }
            // The page still renders, with the defaults; the store error is logged.
            Err(e) => tracing::warn!(error = %e, "could not load display preferences"),
        }
    }
    next.run(req).await
}

/// The connections page's filtered set as CSV (same query string as the page).
async fn connections_csv(
    State(state): State<AppState>,
    axum::extract::Query(query): axum::extract::Query<app::api::connections::ConnectionQuery>,
) -> Response {
    use app::error::AppError;
    match app::api::connections_sql::csv(&state.pool, &query).await {
        Ok(body) => (
            [
                (axum::http::header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (
                    axum::http::header::CONTENT_DISPOSITION,
                    "attachment; filename=\"connections.csv\"",
                ),
            ],
            body,
        )
            .into_response(),
        Err(AppError::InvalidInput(m)) => (StatusCode::BAD_REQUEST, m).into_response(),
        Err(e) => (StatusCode::SERVICE_UNAVAILABLE, e.to_string()).into_response(),
    }
}

/// The audit log as CSV (admins only; the same filter as the audit page).
async fn audit_csv(
    State(state): State<AppState>,
    session: tower_sessions::Session,
    axum::extract::Query(query): axum::extract::Query<app::api::audit::AuditQuery>,
) -> Response {
    use app::error::AppError;
    let now = chrono::Utc::now();
    match app::access::guard::principal(&state, &session, now).await {
        Ok(who) if who.role >= Some(app::access::Role::Admin) => {}
        Ok(_) => return (StatusCode::FORBIDDEN, "admins only").into_response(),
        Err(e) => return (StatusCode::SERVICE_UNAVAILABLE, e.to_string()).into_response(),
    }
    match app::api::audit::ssr::csv(&state.pool, &query, now).await {
        Ok(body) => (
            [
                (axum::http::header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (
                    axum::http::header::CONTENT_DISPOSITION,
                    "attachment; filename=\"audit.csv\"",
                ),
            ],
            body,
        )
            .into_response(),
        Err(AppError::InvalidInput(m)) => (StatusCode::BAD_REQUEST, m).into_response(),
        Err(e) => (StatusCode::SERVICE_UNAVAILABLE, e.to_string()).into_response(),
    }
}

/// The process is up (it answers HTTP); says nothing about the database.
async fn healthz() -> &'static str {
    "ok"
}

/// The database answers and all migrations are applied: safe to send traffic here.
async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    match crate::db::readiness(&state.pool).await {
        Ok(()) => (StatusCode::OK, "ready".to_string()),
        Err(reason) => (
            StatusCode::SERVICE_UNAVAILABLE,
            format!("not ready: {reason}"),
        ),
    }
}

/// Leptos options built from the settings (not from `LEPTOS_*` captured at compile time), so
/// the same binary runs under cargo-leptos, from CI scripts and inside tests.
pub fn leptos_options(settings: &Settings) -> LeptosOptions {
    let env = match std::env::var("LEPTOS_ENV").as_deref() {
        Ok("DEV") | Ok("dev") | Ok("development") => leptos::config::Env::DEV,
        _ => leptos::config::Env::PROD,
    };
    LeptosOptions::builder()
        .output_name("gatewatch")
        .site_root(settings.site_root.display().to_string())
        .site_pkg_dir("pkg")
        .site_addr(settings.listen)
        .env(env)
        .build()
}
