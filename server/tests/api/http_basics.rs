//! Probes, pages rendered on the server, the 404 page.

use crate::helpers::spawn_app;

#[tokio::test]
async fn health_and_readiness_answer_when_migrated() {
    // Arrange
    let app = spawn_app().await;
    // Act
    let health = app.client.get(app.url("/healthz")).send().await.unwrap();
    let ready = app.client.get(app.url("/readyz")).send().await.unwrap();
    // Assert
    assert_eq!(health.status(), 200);
    assert_eq!(health.text().await.unwrap(), "ok");
    assert_eq!(ready.status(), 200);
    assert_eq!(ready.text().await.unwrap(), "ready");
    app.stop().await;
}

#[tokio::test]
async fn readiness_fails_while_a_migration_is_missing() {
    let app = spawn_app().await;
    sqlx::query(
        "DELETE FROM _sqlx_migrations WHERE version = (SELECT max(version) FROM _sqlx_migrations)",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let ready = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), 503);
    let body = ready.text().await.unwrap();
    assert!(body.contains("migrations applied"), "{body}");
    app.stop().await;
}

#[tokio::test]
async fn every_page_of_the_navigation_is_rendered_on_the_server() {
    let app = spawn_app().await;
    for (path, heading) in [
        ("/", "Overview"),
        ("/connections", "Connections"),
        ("/routes", "Routes"),
        ("/bgp", "BGP"),
        ("/topology", "Topology"),
        ("/history", "History"),
        ("/wall", "Wall"),
        ("/settings", "Settings"),
    ] {
        let resp = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(resp.status(), 200, "{path}");
        let html = resp.text().await.unwrap();
        assert!(
            html.contains(&format!("<h1>{heading}</h1>")),
            "{path} lacks its heading"
        );
        assert!(
            html.contains("/pkg/gatewatch.js"),
            "{path} lacks the hydration script"
        );
        // Islands mode: the page's data is rendered, never serialised for the browser too,
        // and the live-update island is there.
        assert!(
            html.contains("__RESOLVED_RESOURCES=[];") && html.contains("__PENDING_RESOURCES=[];"),
            "{path} serialises resources into the page"
        );
        assert!(
            html.contains(r#"<leptos-island data-component="LiveRegions_"#),
            "{path} lacks the live-update island"
        );
        assert!(
            html.contains(r#"href="/settings""#),
            "{path} lacks the navigation"
        );
    }
    app.stop().await;
}

#[tokio::test]
async fn an_unknown_path_gets_the_friendly_404_with_status_404() {
    let app = spawn_app().await;
    let resp = app
        .client
        .get(app.url("/no/such/page"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
    let html = resp.text().await.unwrap();
    assert!(html.contains("Nothing here"), "{html}");
    assert!(html.contains("/no/such/page"), "names what was asked for");
    app.stop().await;
}

#[tokio::test]
async fn an_oversized_request_body_is_refused() {
    let app = spawn_app().await;
    let big = "x".repeat(2 * 1024 * 1024);
    let resp = app
        .client
        .post(app.url("/api/system/ping"))
        .body(big)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 413);
    app.stop().await;
}

#[tokio::test]
async fn a_cross_site_request_cannot_call_a_server_function() {
    let app = spawn_app().await;
    let url = app.url("/api/preferences/density");
    let from = |origin: &str, site: &str| {
        app.client
            .post(&url)
            .header("origin", origin.to_string())
            .header("sec-fetch-site", site.to_string())
            .form(&[("density", "Compact")])
    };
    let cross = from("https://evil.example", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(cross.status(), 403);
    assert!(cross.text().await.unwrap().contains("cross-site"));
    let ours = from(&format!("http://{}", app.addr), "same-origin")
        .send()
        .await
        .unwrap();
    assert_eq!(ours.status(), 200);
    // An old browser without fetch metadata: the Origin header decides.
    let old = app
        .client
        .post(&url)
        .header("origin", "https://evil.example")
        .form(&[("density", "Compact")])
        .send()
        .await
        .unwrap();
    assert_eq!(old.status(), 403);
    app.stop().await;
}

#[tokio::test]
async fn pages_carry_the_security_headers() {
    let app = spawn_app().await;
    let resp = app.client.get(app.url("/")).send().await.unwrap();
    let h = resp.headers();
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["x-frame-options"], "DENY");
    assert_eq!(h["referrer-policy"], "same-origin");
    let csp = h["content-security-policy"].to_str().unwrap().to_string();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    // Scripts run only with this response's nonce, and every script tag of the page has it.
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a script nonce in the page's policy")
        .to_string();
    assert!(nonce.len() >= 16, "{nonce}");
    let html = resp.text().await.unwrap();
    let scripts = html.matches("<script").count();
    assert!(scripts > 0);
    assert_eq!(
        html.matches(&format!("nonce=\"{nonce}\"")).count(),
        scripts,
        "{html}"
    );
    // A second page gets another nonce; JSON answers get the script-less policy.
    let again = app.client.get(app.url("/")).send().await.unwrap();
    assert!(!again.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .contains(&nonce));
    let json = app.server_fn("system/ping", &[]).await;
    let json_csp = json.headers()["content-security-policy"].to_str().unwrap();
    assert!(json_csp.starts_with("default-src 'none'"), "{json_csp}");
    app.stop().await;
}
