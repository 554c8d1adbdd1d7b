//! The JSON API's pagination (a walk returns every row once; bad parameters are 400 with a
//! reason) and its OpenAPI document (every path listed, bearer security).

use crate::api_v1::{get, items, token};
use crate::helpers::spawn_app_on;
use crate::overview::synced_toy_estate;
use auth::Scope;
use serde_json::Value;
use std::collections::HashSet;

#[tokio::test(flavor = "multi_thread")]
async fn a_pagination_walk_returns_every_row_once() {
    let (_emu, pool, _) = synced_toy_estate().await;
    let app = spawn_app_on(pool).await;
    let all = token(&app, Scope::default()).await;
    let (_, whole) = get(&app, &all, "/api/v1/routes?limit=500").await;
    let expected: HashSet<String> = items(&whole)
        .iter()
        .map(|r| format!("{}/{}/{}", r["account"], r["region"], r["id"]))
        .collect();
    assert!(expected.len() > 4, "the walk needs several pages: {whole}");
    let mut seen = Vec::new();
    let mut next = Some("/api/v1/routes?limit=2".to_string());
    while let Some(path) = next {
        let (status, body) = get(&app, &all, &path).await;
        assert_eq!(status, 200, "{path}: {body}");
        assert!(items(&body).len() <= 2);
        seen.extend(
            items(&body)
                .iter()
                .map(|r| format!("{}/{}/{}", r["account"], r["region"], r["id"])),
        );
        next = body["next"].as_str().map(String::from);
    }
    assert_eq!(seen.len(), expected.len(), "no row twice");
    assert_eq!(seen.into_iter().collect::<HashSet<_>>(), expected);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_parameters_are_400_with_a_reason() {
    let (_emu, pool, _) = synced_toy_estate().await;
    let app = spawn_app_on(pool).await;
    let all = token(&app, Scope::default()).await;
    for (query, says) in [
        ("limit=0", "limit"),
        ("limit=501", "limit"),
        ("limit=many", "limit"),
        ("cursor=%25%25", "cursor"),
        ("cursor=bm90IGpzb24", "cursor"),
    ] {
        let (status, body) = get(&app, &all, &format!("/api/v1/connections?{query}")).await;
        assert_eq!(status, 400, "{query}: {body}");
        assert!(
            body["error"].as_str().unwrap().contains(says),
            "{query}: {body}"
        );
    }
    let (status, _) = get(&app, &all, "/api/v1/nothing-here").await;
    assert_eq!(status, 404);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_openapi_document_lists_every_path() {
    let (_emu, pool, _) = synced_toy_estate().await;
    let app = spawn_app_on(pool).await;
    let doc: Value = app
        .client
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/v1/accounts",
        "/api/v1/gateways",
        "/api/v1/gateways/{id}",
        "/api/v1/connections",
        "/api/v1/connections/{id}",
        "/api/v1/bgp-sessions",
        "/api/v1/routes",
        "/api/v1/history",
        "/api/v1/conflicts",
        "/api/v1/topology",
    ] {
        assert!(doc["paths"][path]["get"].is_object(), "{path} missing");
    }
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    app.stop().await;
}
