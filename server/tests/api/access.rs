//! Roles enforced on the server: every server function and HTTP route, called with no
//! session, as viewer, operator and admin, answers as its required role says; refusals of
//! operator and admin actions are audited.

use crate::helpers::{
    fresh_database, new_client, settings_without_guests, signed_in, spawn_app_with, TestApp,
};
use auth::Role;
use reqwest::{Client, Method, StatusCode};

/// Who may call what. `None`: anyone (sign-in, setup, the wall with its token).
/// Every registered server function must be listed here: a new one fails this test until
/// someone decides its role.
fn required_role(path: &str) -> Option<Option<Role>> {
    let endpoint = path.strip_prefix("/api/")?;
    let public = endpoint.starts_with("session/") || endpoint.starts_with("wall/");
    let admin = endpoint.starts_with("admin/");
    let operator = endpoint.starts_with("operator/");
    const READS: &[&str] = &[
        "overview",
        "sync/refresh",
        "connections",
        "connection",
        "routes",
        "route_conflicts",
        "trace_ip",
        "bgp",
        "bgp/peer",
        "history",
        "history/diff",
        "topology",
        "topology/graph.json",
        "topology/layouts",
        "topology/layouts/save",
        "topology/layouts/delete",
        "topology/node",
        "topology/layouts/load",
        "topology/pin",
        "topology/unpin",
        "topology/unpin_all",
        "system/status",
        "system/ping",
        "preferences/density",
        "gateways",
    ];
    match () {
        _ if public => Some(None),
        _ if admin => Some(Some(Role::Admin)),
        _ if operator => Some(Some(Role::Operator)),
        _ if READS.contains(&endpoint) => Some(Some(Role::Viewer)),
        _ => None,
    }
}

async fn call(app: &TestApp, client: &Client, path: &str, method: &Method) -> StatusCode {
    let req = if *method == Method::GET {
        client.get(app.url(path))
    } else {
        client.post(app.url(path)).form(&[("x", "")])
    };
    req.send().await.unwrap().status()
}

struct Caller {
    label: &'static str,
    role: Option<Role>,
    client: Client,
}

async fn callers(app: &TestApp) -> Vec<Caller> {
    let mut out = vec![Caller {
        label: "no session",
        role: None,
        client: new_client(),
    }];
    for (label, role) in [
        ("viewer", Role::Viewer),
        ("operator", Role::Operator),
        ("admin", Role::Admin),
    ] {
        out.push(Caller {
            label,
            role: Some(role),
            client: signed_in(app, label, role).await,
        });
    }
    out
}

#[tokio::test]
async fn every_server_function_answers_by_role() {
    let app = spawn_app_with(fresh_database().await, settings_without_guests()).await;
    let callers = callers(&app).await;
    let mut paths: Vec<(String, Method)> = leptos::server_fn::axum::server_fn_paths()
        .map(|(p, m)| (p.to_string(), m))
        .collect();
    // Signing out ends the callers' sessions: it goes last.
    paths.sort_by_key(|(p, _)| (p == "/api/session/logout", p.clone()));
    assert!(
        paths.len() >= 25,
        "server functions registered: {}",
        paths.len()
    );
    let mut failures = vec![];
    for (path, method) in &paths {
        let Some(required) = required_role(path) else {
            failures.push(format!("{path}: not in the role table"));
            continue;
        };
        for c in &callers {
            let status = call(&app, &c.client, path, method).await;
            let allowed = required.is_none_or(|r| c.role.is_some_and(|have| have >= r));
            let refused = matches!(status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN);
            let expected_refusal = if c.role.is_none() {
                StatusCode::UNAUTHORIZED
            } else {
                StatusCode::FORBIDDEN
            };
            if allowed && refused {
                failures.push(format!("{path} as {}: refused with {status}", c.label));
            }
            if !allowed && status != expected_refusal {
                failures.push(format!(
                    "{path} as {}: {status}, expected {expected_refusal}",
                    c.label
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Refused admin and operator actions by signed-in users left audit entries.
    let denied: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE outcome = 'denied' AND actor IN ('viewer', 'operator')",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let admin_fns = paths
        .iter()
        .filter(|(p, _)| p.starts_with("/api/admin/"))
        .count() as i64;
    let operator_fns = paths
        .iter()
        .filter(|(p, _)| p.starts_with("/api/operator/"))
        .count() as i64;
    assert!(operator_fns >= 4, "operator functions: {operator_fns}");
    assert_eq!(
        denied,
        2 * admin_fns + operator_fns,
        "one denied entry per admin function per non-admin, per operator function for the viewer"
    );
}

#[tokio::test]
async fn http_routes_answer_by_role() {
    let app = spawn_app_with(fresh_database().await, settings_without_guests()).await;
    let callers = callers(&app).await;
    // (path, required role); a browser (Accept: text/html) without a session is sent to the
    // sign-in page, wherever it was going.
    let routes: [(&str, Option<Role>); 9] = [
        ("/healthz", None),
        ("/login", None),
        ("/", Some(Role::Viewer)),
        ("/connections", Some(Role::Viewer)),
        ("/connections.csv", Some(Role::Viewer)),
        ("/events", Some(Role::Viewer)),
        ("/admin/audit.csv", Some(Role::Admin)),
        ("/settings", Some(Role::Viewer)),
        ("/history", Some(Role::Viewer)),
    ];
    for (path, required) in routes {
        for c in &callers {
            let resp = c
                .client
                .get(app.url(path))
                .header("accept", "text/html")
                .timeout(std::time::Duration::from_secs(5))
                .send()
                .await
                .unwrap();
            let status = resp.status();
            let allowed = required.is_none_or(|r| c.role.is_some_and(|have| have >= r));
            match (allowed, c.role) {
                (true, _) => assert!(status.is_success(), "{path} as {}: {status}", c.label),
                (false, None) => {
                    assert_eq!(status, StatusCode::SEE_OTHER, "{path} as {}", c.label);
                    let to = resp.headers()["location"].to_str().unwrap();
                    assert!(to.starts_with("/login?next="), "{to}");
                }
                (false, Some(_)) => {
                    assert_eq!(status, StatusCode::FORBIDDEN, "{path} as {}", c.label)
                }
            }
        }
    }
}

#[tokio::test]
async fn login_renews_the_session_id_and_failures_are_limited_and_audited() {
    let app = spawn_app_with(fresh_database().await, settings_without_guests()).await;
    auth::users::create(&app.pool, "alice", "a long test password", Role::Viewer)
        .await
        .unwrap();
    let client = new_client();
    let first = client
        .post(app.url("/api/session/login"))
        .form(&[("name", "alice"), ("password", "wrong password 1")])
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), 400);
    assert!(first
        .text()
        .await
        .unwrap()
        .contains("wrong user name or password"));
    let ok = client
        .post(app.url("/api/session/login"))
        .form(&[("name", "alice"), ("password", "a long test password")])
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    let cookie = ok.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert_eq!(
        client
            .post(app.url("/api/overview"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    // Signing in again gives a new session id, and the old one is gone from the store.
    let again = client
        .post(app.url("/api/session/login"))
        .form(&[("name", "alice"), ("password", "a long test password")])
        .send()
        .await
        .unwrap();
    let renewed = again.headers()["set-cookie"].to_str().unwrap().to_string();
    let id = |c: &str| c.split(';').next().unwrap().to_string();
    assert_ne!(
        id(&cookie),
        id(&renewed),
        "the session id is renewed at sign-in"
    );
    let sessions: i64 = sqlx::query_scalar("SELECT count(*) FROM tower_sessions.session")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(sessions, 1, "the pre-login session is gone");
    // Alice's budget is five attempts a minute: three used, two more wrong passwords, then
    // the next attempt is refused before the password is even checked.
    let other = new_client();
    for i in 0..2 {
        let r = other
            .post(app.url("/api/session/login"))
            .form(&[
                ("name", "alice"),
                ("password", &format!("wrong password {i}")),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400);
    }
    let limited = other
        .post(app.url("/api/session/login"))
        .form(&[("name", "alice"), ("password", "a long test password")])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(limited.contains("too many sign-in attempts"), "{limited}");
    let actions: Vec<String> = sqlx::query_scalar("SELECT action FROM audit_log ORDER BY id")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(actions.iter().filter(|a| *a == "login_failed").count(), 3);
    assert_eq!(actions.iter().filter(|a| *a == "login").count(), 2);
    assert_eq!(actions.last().map(String::as_str), Some("login_throttled"));
}
