//! `GET /metrics`: refreshes the gauges that describe the estate from PostgreSQL (two cheap
//! aggregate queries), then encodes the registry in the Prometheus text format.

use crate::metrics::{MetricsSettings, METRICS};
use app::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use prometheus::{Encoder, TextEncoder};
use secrecy::ExposeSecret;
use sqlx::PgPool;
use std::sync::Arc;

/// The handler's own state: the app state plus who may scrape.
#[derive(Clone)]
pub struct Scrape {
    pub app: AppState,
    pub access: Arc<MetricsSettings>,
}

pub async fn metrics(State(scrape): State<Scrape>, headers: HeaderMap) -> Response {
    if !allowed(&scrape.access, &headers) {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer")],
            "metrics need the configured bearer token",
        )
            .into_response();
    }
    if let Err(e) = refresh(&scrape.app.pool, Utc::now()).await {
        // The in-memory series are still worth serving; the estate gauges keep their last
        // values and the failure shows in the log.
        tracing::warn!(error = %e, "metrics: could not read the estate gauges");
    }
    let mut body = Vec::new();
    let families = METRICS.registry.gather();
    if let Err(e) = TextEncoder::new().encode(&families, &mut body) {
        return (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response();
    }
    ([(header::CONTENT_TYPE, prometheus::TEXT_FORMAT)], body).into_response()
}

fn allowed(access: &MetricsSettings, headers: &HeaderMap) -> bool {
    if access.public {
        return true;
    }
    let Some(expected) = &access.token else {
        return false;
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    // Compared as digests so the comparison time says nothing about the token.
    given.is_some_and(|g| auth::token::digest(g) == auth::token::digest(expected.expose_secret()))
}

async fn refresh(pool: &PgPool, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    let m = &*METRICS;
    m.sse_clients
        .set(crate::events::OPEN_STREAMS.load(std::sync::atomic::Ordering::Relaxed));
    let idle = pool.num_idle() as i64;
    m.pool_connections.with_label_values(&["idle"]).set(idle);
    m.pool_connections
        .with_label_values(&["in_use"])
        .set(pool.size() as i64 - idle);
    m.pool_connections
        .with_label_values(&["max"])
        .set(pool.options().get_max_connections() as i64);

    let states: Vec<(String, String, String, i64)> = sqlx::query_as(
        "SELECT r.kind, a.cloud, r.state, count(*) FROM resource_current r \
         JOIN cloud_account a ON a.id = r.account_id AND a.deleted_at IS NULL \
         WHERE r.kind IN ('tunnel', 'bgp_session') GROUP BY 1, 2, 3",
    )
    .fetch_all(pool)
    .await?;
    // Reset first: a state nobody is in any more must drop to absent, not stay at its count.
    m.tunnels.reset();
    m.bgp_sessions.reset();
    for (kind, cloud, state, n) in states {
        let gauge = if kind == "tunnel" {
            &m.tunnels
        } else {
            &m.bgp_sessions
        };
        gauge.with_label_values(&[&cloud, &state]).set(n);
    }

    type Freshness = (
        String,
        String,
        String,
        Option<DateTime<Utc>>,
        Option<DateTime<Utc>>,
    );
    let rows: Vec<Freshness> = sqlx::query_as(
        "SELECT a.name, f.region, f.kind, f.last_attempt_at, f.last_success_at \
         FROM sync_freshness f JOIN cloud_account a ON a.id = f.account_id AND a.deleted_at IS NULL",
    )
    .fetch_all(pool)
    .await?;
    m.sync_lag.reset();
    m.sync_duration.reset();
    for (account, region, kind, attempt, success) in rows {
        let labels = [account.as_str(), region.as_str(), kind.as_str()];
        if let Some(success) = success {
            let lag = (now - success).num_milliseconds().max(0) as f64 / 1000.0;
            m.sync_lag.with_label_values(&labels).set(lag);
            // The last attempt started before the success it led to; a later attempt still
            // running (or failed) leaves no completed duration to report.
            if let Some(attempt) = attempt.filter(|a| *a <= success) {
                let took = (success - attempt).num_milliseconds() as f64 / 1000.0;
                m.sync_duration.with_label_values(&labels).set(took);
            }
        }
    }
    Ok(())
}
