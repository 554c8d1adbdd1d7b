//! `/metrics`: the Prometheus text parses line by line and holds the named series after a
//! sync and some requests; with `public = false` it needs the configured bearer token.

use crate::helpers::{fresh_database, spawn_app_on, spawn_app_with, test_settings};
use crate::overview::synced_toy_estate;

/// Every sample line is `name{labels} value` with a number as the value.
fn parse(text: &str) -> Vec<(String, f64)> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (series, value) = l.rsplit_once(' ').unwrap_or_else(|| panic!("{l}"));
            let value: f64 = value.parse().unwrap_or_else(|_| panic!("value of {l}"));
            let name = series.split('{').next().unwrap().to_string();
            assert!(
                name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
                "{l}"
            );
            (name, value)
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn metrics_hold_the_named_series() {
    // Installed before the sync, so its cloud calls are counted.
    server::metrics::install();
    let (_emu, pool, _) = synced_toy_estate().await;
    let app = spawn_app_on(pool).await;
    app.client.get(app.url("/healthz")).send().await.unwrap();
    let resp = app.client.get(app.url("/metrics")).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    assert!(resp.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/plain"));
    let text = resp.text().await.unwrap();
    let samples = parse(&text);
    let has = |name: &str| samples.iter().any(|(n, _)| n == name);
    for name in [
        "gatewatch_cloud_calls_total",
        "gatewatch_http_request_duration_seconds_bucket",
        "gatewatch_sse_clients",
        "gatewatch_db_pool_connections",
        "gatewatch_sync_lag_seconds",
        "gatewatch_sync_duration_seconds",
        "gatewatch_tunnels",
        "gatewatch_bgp_sessions",
    ] {
        assert!(has(name), "{name} missing from:\n{text}");
    }
    assert!(text.contains("route=\"/healthz\""), "{text}");
    assert!(text.contains("cloud=\"aliyun\"") && text.contains("cloud=\"huawei\""));
    let tunnels: f64 = samples
        .iter()
        .filter(|(n, _)| n == "gatewatch_tunnels")
        .map(|(_, v)| v)
        .sum();
    assert!(tunnels > 0.0, "{text}");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn private_metrics_need_the_token() {
    let mut settings = test_settings();
    settings.metrics.public = false;
    settings.metrics.token = Some("a scrape token".into());
    let app = spawn_app_with(fresh_database().await, settings).await;
    let url = app.url("/metrics");
    assert_eq!(app.client.get(&url).send().await.unwrap().status(), 401);
    let wrong = app
        .client
        .get(&url)
        .bearer_auth("nope")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    let right = app
        .client
        .get(&url)
        .bearer_auth("a scrape token")
        .send()
        .await
        .unwrap();
    assert_eq!(right.status(), 200);
    app.stop().await;
}
