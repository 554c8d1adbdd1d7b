//! Prometheus metrics (the `prometheus` crate, text exposition format) on `GET /metrics`.
//!
//! Counters and the HTTP histogram are kept in memory as things happen: cloud calls reach
//! them through the clients' process-wide `callgate::observe` hook, HTTP requests through
//! [`track_http`]. Gauges that describe the estate (tunnels and BGP sessions by state, sync
//! lag and duration per account, region and kind) are read from PostgreSQL at scrape time by
//! `metrics_scrape`, so every replica reports the same shared picture without bookkeeping.

use axum::extract::{MatchedPath, Request};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;
use prometheus::{
    GaugeVec, HistogramOpts, HistogramVec, IntCounterVec, IntGauge, IntGaugeVec, Opts, Registry,
};
use serde::Deserialize;
use std::sync::{Arc, LazyLock};
use std::time::Instant;

/// Who may read `/metrics`. Counts are not secrets, so by default anyone who reaches the
/// server may; set `public = false` and a `token` to ask for `Authorization: Bearer <token>`.
#[derive(Debug, Deserialize)]
pub struct MetricsSettings {
    #[serde(default = "default_public")]
    pub public: bool,
    #[serde(default)]
    pub token: Option<secrecy::SecretString>,
}

impl Default for MetricsSettings {
    fn default() -> Self {
        MetricsSettings {
            public: true,
            token: None,
        }
    }
}

impl MetricsSettings {
    /// A copy for the handler (the token is a secret, which does not `Clone` by itself).
    pub fn shared(&self) -> Arc<MetricsSettings> {
        use secrecy::ExposeSecret;
        Arc::new(MetricsSettings {
            public: self.public,
            token: self
                .token
                .as_ref()
                .map(|t| secrecy::SecretString::from(t.expose_secret().to_owned())),
        })
    }
}

fn default_public() -> bool {
    true
}

pub struct Metrics {
    pub registry: Registry,
    pub cloud_calls: IntCounterVec,
    pub cloud_throttles: IntCounterVec,
    pub cloud_retries: IntCounterVec,
    pub http_duration: HistogramVec,
    pub sse_clients: IntGauge,
    pub pool_connections: IntGaugeVec,
    pub sync_lag: GaugeVec,
    pub sync_duration: GaugeVec,
    pub tunnels: IntGaugeVec,
    pub bgp_sessions: IntGaugeVec,
}

fn counter(reg: &Registry, name: &str, help: &str, labels: &[&str]) -> IntCounterVec {
    let c = IntCounterVec::new(Opts::new(name, help), labels).expect("valid counter");
    reg.register(Box::new(c.clone())).expect("registered once");
    c
}

fn gauge(reg: &Registry, name: &str, help: &str, labels: &[&str]) -> IntGaugeVec {
    let g = IntGaugeVec::new(Opts::new(name, help), labels).expect("valid gauge");
    reg.register(Box::new(g.clone())).expect("registered once");
    g
}

fn seconds(reg: &Registry, name: &str, help: &str, labels: &[&str]) -> GaugeVec {
    let g = GaugeVec::new(Opts::new(name, help), labels).expect("valid gauge");
    reg.register(Box::new(g.clone())).expect("registered once");
    g
}

impl Metrics {
    fn new() -> Self {
        let r = Registry::new_custom(Some("gatewatch".into()), None).expect("valid prefix");
        let call = ["cloud", "api"];
        let http_duration = HistogramVec::new(
            HistogramOpts::new(
                "http_request_duration_seconds",
                "HTTP request latency by route pattern, method and status",
            ),
            &["method", "route", "status"],
        )
        .expect("valid histogram");
        r.register(Box::new(http_duration.clone()))
            .expect("registered once");
        let sse_clients =
            IntGauge::new("sse_clients", "Open server-sent event streams").expect("valid gauge");
        r.register(Box::new(sse_clients.clone()))
            .expect("registered once");
        Metrics {
            cloud_calls: counter(
                &r,
                "cloud_calls_total",
                "Cloud API attempts by outcome (ok, error, throttled, no_answer)",
                &["cloud", "api", "outcome"],
            ),
            cloud_throttles: counter(
                &r,
                "cloud_throttles_total",
                "Cloud API attempts refused for rate",
                &call,
            ),
            cloud_retries: counter(
                &r,
                "cloud_retries_total",
                "Cloud API attempts that repeated a failed one",
                &call,
            ),
            http_duration,
            sse_clients,
            pool_connections: gauge(
                &r,
                "db_pool_connections",
                "Database pool connections by state (idle, in_use, max)",
                &["state"],
            ),
            sync_lag: seconds(
                &r,
                "sync_lag_seconds",
                "Seconds since the last successful sync",
                &["account", "region", "kind"],
            ),
            sync_duration: seconds(
                &r,
                "sync_duration_seconds",
                "Duration of the last successful sync",
                &["account", "region", "kind"],
            ),
            tunnels: gauge(&r, "tunnels", "IPsec tunnels by state", &["cloud", "state"]),
            bgp_sessions: gauge(
                &r,
                "bgp_sessions",
                "BGP sessions by state",
                &["cloud", "state"],
            ),
            registry: r,
        }
    }
}

/// The process's metrics (one registry however many servers a test process starts).
pub static METRICS: LazyLock<Metrics> = LazyLock::new(|| {
    let metrics = Metrics::new();
    callgate::observe::install(Arc::new(CloudCalls));
    metrics
});

struct CloudCalls;

impl callgate::observe::CallObserver for CloudCalls {
    fn attempt(&self, a: callgate::observe::Attempt<'_>) {
        let m = &*METRICS;
        m.cloud_calls
            .with_label_values(&[a.cloud, a.api, a.result.as_str()])
            .inc();
        if a.result == callgate::observe::AttemptResult::Throttled {
            m.cloud_throttles.with_label_values(&[a.cloud, a.api]).inc();
        }
        if a.retry {
            m.cloud_retries.with_label_values(&[a.cloud, a.api]).inc();
        }
    }
}

/// Makes sure the cloud-call observer is installed before the first sync runs.
pub fn install() {
    LazyLock::force(&METRICS);
}

/// Times every request; the route label is the matched pattern (`/api/v1/connections/{id}`),
/// never the raw path, so ids and probes cannot grow the series without bound.
pub async fn track_http(req: Request, next: Next) -> Response {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".into());
    // Methods outside the standard set share one label, so odd requests add no series.
    let method = match *req.method() {
        Method::GET
        | Method::HEAD
        | Method::POST
        | Method::PUT
        | Method::DELETE
        | Method::PATCH
        | Method::OPTIONS => req.method().as_str().to_owned(),
        _ => "other".to_owned(),
    };
    let started = Instant::now();
    let response = next.run(req).await;
    METRICS
        .http_duration
        .with_label_values(&[&method, &route, response.status().as_str()])
        .observe(started.elapsed().as_secs_f64());
    response
}
