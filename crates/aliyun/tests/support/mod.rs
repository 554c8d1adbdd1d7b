//! A small RPC server on 127.0.0.1:0 for integration tests. It decodes the query string and
//! verifies every signature with the crate's own pure functions (`decode_query`, `verify`),
//! rejects reused nonces, and serves a few actions with scripted failures.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use aliyun::encode::decode_query;
use aliyun::{verify, HttpMethod};
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use secrecy::SecretString;
use serde_json::{json, Value};

pub const AKID: &str = "testid";
pub const SECRET: &str = "testsecret";

/// What the server saw and what it should do next.
#[derive(Default)]
pub struct Script {
    /// Remaining `Throttling.User` answers before success, per action.
    pub throttle: HashMap<String, u32>,
    /// Every request received: (Action, decoded params).
    pub seen: Vec<(String, Vec<(String, String)>)>,
    nonces: HashSet<String>,
}

pub type Shared = Arc<Mutex<Script>>;

/// Starts the server; returns its `http://127.0.0.1:port` base URL and the shared script.
pub async fn start() -> (String, Shared) {
    let shared: Shared = Arc::default();
    let app = Router::new()
        .route("/", get(handle))
        .with_state(shared.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}"), shared)
}

fn get_p<'a>(p: &'a [(String, String)], k: &str) -> Option<&'a str> {
    p.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str())
}

fn err(status: u16, code: &str, message: &str) -> (StatusCode, String) {
    let body =
        json!({"RequestId": "REQ-ERR", "HostId": "127.0.0.1", "Code": code, "Message": message});
    (StatusCode::from_u16(status).unwrap(), body.to_string())
}

async fn handle(State(s): State<Shared>, RawQuery(q): RawQuery) -> (StatusCode, String) {
    let params = decode_query(&q.unwrap_or_default());
    let action = get_p(&params, "Action").unwrap_or_default().to_owned();
    if get_p(&params, "AccessKeyId") != Some(AKID) {
        return err(
            404,
            "InvalidAccessKeyId.NotFound",
            "Specified access key is not found.",
        );
    }
    let v = verify(HttpMethod::Get, &params, &SecretString::from(SECRET));
    if !v.is_valid() {
        return err(400, "SignatureDoesNotMatch", &v.mismatch_message());
    }
    {
        let mut script = s.lock().unwrap();
        let nonce = get_p(&params, "SignatureNonce")
            .unwrap_or_default()
            .to_owned();
        if !script.nonces.insert(nonce) {
            return err(
                400,
                "SignatureNonceUsed",
                "Specified signature nonce was used already.",
            );
        }
        script.seen.push((action.clone(), params.clone()));
        if let Some(n) = script.throttle.get_mut(&action).filter(|n| **n > 0) {
            *n -= 1;
            return err(
                400,
                "Throttling.User",
                "Request was denied due to user flow control.",
            );
        }
    }
    route(&action, &params).await
}

async fn route(action: &str, p: &[(String, String)]) -> (StatusCode, String) {
    match action {
        "DescribeVpnGateways" => {
            let size: usize = get_p(p, "PageSize").unwrap_or("10").parse().unwrap();
            if size > 50 {
                return err(400, "InvalidParameter", "PageSize must be <= 50");
            }
            let page: usize = get_p(p, "PageNumber").unwrap_or("1").parse().unwrap();
            let total = 120;
            let items: Vec<Value> = (0..total)
                .skip((page - 1) * size)
                .take(size)
                .map(|i| json!({"VpnGatewayId": format!("vpn-{i:03}"), "Status": "active", "CreateTime": "1492753580000"}))
                .collect();
            // Quote the paging numbers like the SSL-VPN examples do (spec §2).
            let body = json!({"RequestId": "R", "PageNumber": page.to_string(), "PageSize": size,
                "TotalCount": total.to_string(), "VpnGateways": {"VpnGateway": items}});
            (StatusCode::OK, body.to_string())
        }
        "ListTagResources" => {
            let (next, tag) = match get_p(p, "NextToken") {
                None => ("t1", "a"),
                Some("t1") => ("t2", "b"),
                Some(_) => ("", "c"),
            };
            let body = json!({"RequestId": "R", "NextToken": next, "TagResources": {"TagResource":
                {"ResourceId": format!("vpn-{tag}"), "ResourceType": "VpnGateway", "TagKey": "env", "TagValue": tag}}});
            (StatusCode::OK, body.to_string())
        }
        "DescribeVpnGateway" => err(
            404,
            "InvalidVpnGatewayInstanceId.NotFound",
            "The specified VPN gateway does not exist.",
        ),
        "DescribeVpcs" => err(
            503,
            "ServiceUnavailable",
            "The request has failed due to a temporary failure of the server.",
        ),
        "DescribeVpnConnection" => {
            let body = json!({"RequestId": "R", "PageNumber": 1, "VpnConnections": {"VpnConnection": [{
                "VpnConnectionId": "vco-1", "Status": "ipsec_sa_established",
                "IkeConfig": "{\"Psk\":\"psk-secret-1\",\"IkeVersion\":\"ikev2\"}",
                "VpnBgpConfig": {"EnableBgp": "true", "LocalAsn": "65001", "AuthKey": "bgp-md5-key"}}]}});
            (StatusCode::OK, body.to_string())
        }
        "PublishVpnRouteEntry" => (StatusCode::OK, json!({"RequestId": "W1"}).to_string()),
        "ModifyVpnRouteEntryWeight" => err(400, "InvalidParameter", "Weight does not match"),
        "CreateVpnGateway" => err(500, "InternalError", "boom"),
        "DescribeSlow" => {
            tokio::time::sleep(Duration::from_secs(3)).await;
            (StatusCode::OK, "{}".into())
        }
        "Garbage" => (StatusCode::OK, format!("<html>{}</html>", "z".repeat(600))),
        _ => err(404, "InvalidAction.NotFound", "Specified api is not found"),
    }
}
