//! A tiny Huawei VPN look-alike on 127.0.0.1:0 for integration tests. Every request is
//! checked with `huawei::verify` (the same code the emulator will use); failures answer
//! 401 APIGW.0301 like the real API gateway.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use chrono::Utc;
use huawei::sign::parse_query;
use huawei::{verify, SecretString, VerifyRequest};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

pub const AK: &str = "HPUAEXAMPLEAK0000001";
pub const SK: &str = "ExampleSecretKey0000000000000000000000SK";
pub const PROJECT: &str = "0123456789abcdef0123456789abcdef";
pub const REGION: &str = "cn-north-4";

/// What the server saw, for assertions.
#[derive(Default)]
pub struct Seen {
    /// Count of verified requests per path.
    pub hits: HashMap<String, usize>,
    /// Query of every verified request, in order.
    pub queries: Vec<(String, Vec<(String, String)>)>,
    /// Whether the IAM call carried an X-Project-Id header.
    pub iam_had_project_header: Option<bool>,
    pub auth_failures: usize,
}

pub type Shared = Arc<Mutex<Seen>>;

pub async fn spawn() -> (String, Shared) {
    let seen: Shared = Arc::default();
    let app = Router::new().fallback(handle).with_state(seen.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}"), seen)
}

fn json_resp(status: u16, body: Value) -> Response {
    let mut r = (StatusCode::from_u16(status).unwrap(), body.to_string()).into_response();
    r.headers_mut()
        .insert("content-type", "application/json".parse().unwrap());
    r.headers_mut()
        .insert("x-request-id", "req-from-header".parse().unwrap());
    r
}

fn err(status: u16, code: &str, msg: &str) -> Response {
    json_resp(
        status,
        json!({"error_code": code, "error_msg": msg, "request_id": "req-in-body"}),
    )
}

async fn handle(
    State(seen): State<Shared>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let hs: Vec<(String, String)> = headers
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_string(),
                v.to_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let query = parse_query(uri.query().unwrap_or(""));
    let req = VerifyRequest {
        method: method.as_str(),
        path: uri.path(),
        query: &query,
        headers: &hs,
        body: &body,
    };
    if let Err(e) = verify(&req, Utc::now(), |ak| {
        (ak == AK).then(|| SecretString::from(SK))
    }) {
        seen.lock().unwrap().auth_failures += 1;
        return json_resp(e.http_status(), e.to_error_body("req-auth"));
    }
    let path = uri.path().to_string();
    let n = {
        let mut s = seen.lock().unwrap();
        s.queries.push((path.clone(), query.clone()));
        let n = s.hits.entry(path.clone()).or_default();
        *n += 1;
        *n
    };
    let q = |k: &str| query.iter().find(|(qk, _)| qk == k).map(|(_, v)| v.clone());
    let p = format!("/v5/{PROJECT}");
    match (method.as_str(), path.as_str()) {
        ("GET", "/v3/projects") => {
            seen.lock().unwrap().iam_had_project_header =
                Some(headers.contains_key("x-project-id"));
            let projects = if q("name").as_deref() == Some(REGION) {
                json!([{"id": PROJECT, "name": REGION, "domain_id": "d", "enabled": true}])
            } else {
                json!([])
            };
            json_resp(200, json!({"projects": projects, "links": {"self": "x"}}))
        }
        ("GET", x) if x == format!("{p}/customer-gateways") => cgw_page(q("limit"), q("marker")),
        // First call is throttled by the gateway, then pages are served normally.
        ("GET", x) if x == format!("{p}/vpn-connection") => {
            if n == 1 {
                return err(
                    429,
                    "APIGW.0308",
                    "The throttling threshold has been reached",
                );
            }
            conn_page(q("marker"))
        }
        ("GET", x) if x == format!("{p}/vpn-connection/c-secret") => json_resp(
            200,
            json!({"vpn_connection": {"id": "c-secret", "psk": "TopSecretPsk123", "status": "ACTIVE"}, "request_id": "r"}),
        ),
        ("GET", x) if x == format!("{p}/vpn-gateways/missing") => {
            err(404, "VPN.0004", "resource not found")
        }
        ("GET", x) if x == format!("{p}/vpn-gateways") => {
            err(503, "VPN.0002", "server error: busy")
        }
        ("POST", x) if x == format!("{p}/customer-gateways") => {
            err(500, "VPN.0002", "server error: xxx")
        }
        ("GET", x) if x == format!("{p}/connection-monitors") => json_resp(
            200,
            json!({"connection_monitors": "not-a-list", "psk": "LeakyPsk999"}),
        ),
        ("GET", x) if x == format!("{p}/p2c-vpn-gateways/g1/connections") => {
            let offset: usize = q("offset").unwrap().parse().unwrap();
            let limit: usize = q("limit").unwrap().parse().unwrap();
            let items: Vec<Value> = (offset..(offset + limit).min(3))
                .map(|i| json!({"connection_id": format!("s{i}"), "inbound_bytes": "10"}))
                .collect();
            json_resp(200, json!({"connections": items, "total_count": 3}))
        }
        _ => err(
            404,
            "APIGW.0101",
            "The API does not exist or has not been published",
        ),
    }
}

/// Five customer gateways created at t=1..5; pages follow `marker` = created_at of the last
/// item returned. `next_marker` is always sent, even on the last page (as in the seed).
fn cgw_page(limit: Option<String>, marker: Option<String>) -> Response {
    let limit: usize = limit.expect("limit is always sent").parse().unwrap();
    let all: Vec<Value> = (1..=5)
        .map(|i| {
            json!({"id": format!("cgw-{i}"), "name": format!("c{i}"), "bgp_asn": format!("6500{i}"),
                         "created_at": format!("2025-06-11T13:59:5{i}.633Z")})
        })
        .collect();
    let start = match marker {
        Some(m) => {
            all.iter()
                .position(|c| c["created_at"] == m.as_str())
                .unwrap()
                + 1
        }
        None => 0,
    };
    let page: Vec<Value> = all[start..].iter().take(limit).cloned().collect();
    let next = page
        .last()
        .map(|c| c["created_at"].clone())
        .unwrap_or(Value::Null);
    json_resp(
        200,
        json!({"customer_gateways": page, "total_count": 5,
        "page_info": {"next_marker": next, "current_count": page.len()}, "request_id": "r"}),
    )
}

/// Three connections; the server ignores `limit` and always pages by 2 without `next_marker`,
/// so the client must fall back to the last item's `created_at`.
fn conn_page(marker: Option<String>) -> Response {
    let all: Vec<Value> = (1..=3)
        .map(|i| {
            json!({"id": format!("vc-{i}"), "style": "BGP", "enable_nqa": "false",
                         "created_at": format!("2025-06-11T13:59:5{i}.633Z")})
        })
        .collect();
    let start = match marker {
        Some(m) => {
            all.iter()
                .position(|c| c["created_at"] == m.as_str())
                .unwrap()
                + 1
        }
        None => 0,
    };
    let page: Vec<Value> = all[start..].iter().take(2).cloned().collect();
    json_resp(
        200,
        json!({"vpn_connections": page, "page_info": {"current_count": page.len()}}),
    )
}
