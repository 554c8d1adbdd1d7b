//! The JSON API: bearer tokens (401 without a valid one), scopes enforced in SQL (out-of-scope
//! ids are 404), and admins make tokens through the server function. Pagination and the
//! OpenAPI document are in `api_v1_paging`.

use crate::helpers::{signed_in, spawn_app_on, TestApp};
use crate::overview::synced_toy_estate;
use auth::scoped_token::{ScopedToken, TokenKind};
use auth::{Role, Scope};
use chrono::{Duration, Utc};
use reqwest::StatusCode;
use serde_json::Value;

/// A token of `kind` valid for a day, made straight in the store: the record and the plain
/// token.
pub async fn issue(
    app: &TestApp,
    kind: &TokenKind,
    name: &str,
    scope: Scope,
) -> (ScopedToken, String) {
    let now = Utc::now();
    let rng = &mut rand::rngs::OsRng;
    kind.create(
        &app.pool,
        name,
        &scope,
        now + Duration::days(1),
        "test",
        now,
        rng,
    )
    .await
    .unwrap()
}

/// A day-long API token.
pub async fn token(app: &TestApp, scope: Scope) -> String {
    issue(app, &auth::api_tokens::TOKENS, "test", scope).await.1
}

pub async fn get(app: &TestApp, token: &str, path: &str) -> (StatusCode, Value) {
    let resp = app
        .client
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    let status = resp.status();
    let body = resp.json().await.unwrap_or(Value::Null);
    (status, body)
}

pub fn items(body: &Value) -> &Vec<Value> {
    body["items"].as_array().expect("items")
}

#[tokio::test(flavor = "multi_thread")]
async fn missing_bad_wall_and_revoked_tokens_are_401() {
    let (_emu, pool, _) = synced_toy_estate().await;
    let app = spawn_app_on(pool).await;
    let anon = app
        .client
        .get(app.url("/api/v1/connections"))
        .send()
        .await
        .unwrap();
    assert_eq!(anon.status(), 401);
    assert_eq!(anon.headers()["www-authenticate"], "Bearer");
    let body: Value = anon.json().await.unwrap();
    assert!(body["error"].as_str().unwrap().contains("Bearer"), "{body}");

    let now = Utc::now();
    let (wall, wall_plain) = issue(&app, &auth::wall::TOKENS, "w", Scope::default()).await;
    assert!(wall.name == "w");
    let good = token(&app, Scope::default()).await;
    let (made, revoked) = issue(&app, &auth::api_tokens::TOKENS, "gone", Scope::default()).await;
    auth::api_tokens::TOKENS
        .revoke(&app.pool, made.id, now)
        .await
        .unwrap();
    for bad in ["gwa_made-up", wall_plain.as_str(), revoked.as_str()] {
        let (status, _) = get(&app, bad, "/api/v1/accounts").await;
        assert_eq!(status, 401, "{bad}");
    }
    let (status, body) = get(&app, &good, "/api/v1/accounts").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        items(&body).len(),
        2,
        "the toy estate has an account per cloud: {body}"
    );
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_huawei_token_never_sees_aliyun_rows() {
    let (_emu, pool, _) = synced_toy_estate().await;
    let app = spawn_app_on(pool).await;
    let all = token(&app, Scope::default()).await;
    let huawei = token(
        &app,
        Scope {
            clouds: vec!["huawei".into()],
            ..Scope::default()
        },
    )
    .await;
    for path in [
        "/api/v1/accounts",
        "/api/v1/gateways",
        "/api/v1/connections",
        "/api/v1/bgp-sessions",
        "/api/v1/routes",
        "/api/v1/history",
    ] {
        let (status, body) = get(&app, &huawei, &format!("{path}?limit=500")).await;
        assert_eq!(status, 200, "{path}: {body}");
        assert!(
            items(&body).iter().all(|i| i["cloud"] == "huawei"),
            "{path}: {body}"
        );
        let (_, everything) = get(&app, &all, &format!("{path}?limit=500")).await;
        assert!(items(&everything).len() >= items(&body).len(), "{path}");
    }
    let (_, accounts) = get(&app, &all, "/api/v1/accounts").await;
    let aliyun_account = items(&accounts)
        .iter()
        .find(|a| a["cloud"] == "aliyun")
        .expect("an aliyun account")["name"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, graph) = get(&app, &huawei, "/api/v1/topology").await;
    assert_eq!(status, 200, "{graph}");
    let nodes = graph["nodes"].as_array().unwrap();
    assert!(!nodes.is_empty());
    assert!(
        !graph.to_string().contains(&aliyun_account),
        "an aliyun node leaked: {graph}"
    );
    let (_, whole_graph) = get(&app, &all, "/api/v1/topology").await;
    assert!(whole_graph.to_string().contains(&aliyun_account));
    let (_, connections) = get(&app, &all, "/api/v1/connections?limit=500").await;
    let aliyun = items(&connections)
        .iter()
        .find(|c| c["cloud"] == "aliyun")
        .expect("an aliyun connection");
    let path = format!("/api/v1/connections/{}", aliyun["id"].as_str().unwrap());
    let (status, body) = get(&app, &huawei, &path).await;
    assert_eq!(status, 404, "{body}");
    let (status, body) = get(&app, &all, &path).await;
    assert_eq!(status, 200, "{body}");
    assert!(!body["tunnels"].as_array().unwrap().is_empty(), "{body}");
    assert!(body.to_string().to_lowercase().find("psk").is_none());
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn admins_create_and_revoke_tokens_and_it_is_audited() {
    let (_emu, pool, _) = synced_toy_estate().await;
    let app = spawn_app_on(pool).await;
    let admin = signed_in(&app, "root.admin", Role::Admin).await;
    let created: Value = admin
        .post(app.url("/api/admin/api-tokens/create"))
        .form(&[("name", "exporter"), ("days", "7"), ("clouds", "aliyun")])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let plain = created["token"].as_str().expect("the token, once");
    let (status, body) = get(&app, plain, "/api/v1/gateways").await;
    assert_eq!(status, 200);
    assert!(items(&body).iter().all(|g| g["cloud"] == "aliyun"));
    let listed: Value = admin
        .post(app.url("/api/admin/api-tokens"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let row = &listed[0];
    assert_eq!(row["scope"], "clouds aliyun");
    let page = admin
        .get(app.url("/admin/api-tokens"))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("<h1>API tokens</h1>"), "{page}");
    assert!(page.contains("data-token=\"exporter\""), "{page}");
    assert!(!page.contains(plain), "the page never shows a token again");
    assert!(
        !listed.to_string().contains(plain),
        "the list never shows a token"
    );
    let revoked = admin
        .post(app.url("/api/admin/api-tokens/revoke"))
        .form(&[("id", row["id"].as_str().unwrap())])
        .send()
        .await
        .unwrap();
    assert_eq!(revoked.status(), 200);
    assert_eq!(get(&app, plain, "/api/v1/gateways").await.0, 401);
    let actions: Vec<(String,)> =
        sqlx::query_as("SELECT action FROM audit_log WHERE action LIKE 'api_token_%' ORDER BY id")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    let actions: Vec<&str> = actions.iter().map(|(a,)| a.as_str()).collect();
    assert_eq!(actions, ["api_token_created", "api_token_revoked"]);
    let viewer = signed_in(&app, "just.looking", Role::Viewer).await;
    let refused = viewer
        .post(app.url("/api/admin/api-tokens/create"))
        .form(&[("name", "sneaky"), ("days", "7")])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
    app.stop().await;
}
