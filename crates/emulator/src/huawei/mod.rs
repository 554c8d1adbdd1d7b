//! Huawei Cloud VPN v5 front end (huawei.md §1–§3): verify the SDK-HMAC-SHA256 signature
//! with `huawei::verify`, resolve the project, apply quotas and faults, route the path.

mod errors;
mod ops;
mod p2c;
pub mod page;
mod routing;
mod tags;

use std::sync::Arc;

use axum::body::Body;
use axum::extract::Request;
use axum::response::Response;
use huawei::sign::parse_query;
use huawei::types::{Project, ProjectsResponse};
use huawei::{SecretString, VerifyRequest};
use serde_json::Value;

use self::errors::{json_response, HwErr};
use crate::faults::{Cloud, FaultKind};
use crate::respond;
use crate::server::{lock, Shared};

/// Path segments that are literal words, not ids (for quota keys).
const WORDS: &[&str] = &[
    "availability-zones",
    "jobs",
    "routing-table",
    "certificate",
    "log",
    "reset",
    "connections",
    "vpn-servers",
    "users",
    "groups",
    "access-policies",
    "quotas",
    "tags",
];

fn to_json<T: serde::Serialize>(v: &T) -> Result<Value, HwErr> {
    serde_json::to_value(v).map_err(|_| HwErr::internal())
}

/// Handles one Huawei request.
pub async fn handle(state: Arc<Shared>, req: Request<Body>) -> Response {
    let rid = uuid::Uuid::new_v4().simple().to_string();
    let method = req.method().as_str().to_owned();
    let raw_path = req.uri().path().to_owned();
    let query = parse_query(req.uri().query().unwrap_or_default());
    let headers: Vec<(String, String)> = req
        .headers()
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_owned(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let limit = state.config.max_body_bytes;
    let Ok(body) = axum::body::to_bytes(req.into_body(), limit).await else {
        let e = HwErr::new(
            413,
            "APIGW.0201",
            format!("Request entity too large: more than {limit} bytes"),
        );
        return json_response(e.status, &e.body(&rid), &rid);
    };
    let vr = VerifyRequest {
        method: &method,
        path: &raw_path,
        query: &query,
        headers: &headers,
        body: &body,
    };
    let account = match huawei::verify(&vr, state.wall_now(), |ak| {
        state
            .huawei_keys
            .get(ak)
            .map(|&i| SecretString::from(state.estate().accounts[i].huawei_key.secret.clone()))
    }) {
        Ok(ak) => (state.huawei_keys[&ak], ak),
        Err(e) => return json_response(e.http_status(), &e.to_error_body(&rid), &rid),
    };
    let path = raw_path
        .strip_prefix("/huawei")
        .unwrap_or(&raw_path)
        .to_owned();
    match serve(&state, account, &method, &path, &query, &body).await {
        Ok((status, mut value, fault)) => {
            if let Value::Object(m) = &mut value {
                m.entry("request_id").or_insert(Value::from(rid.clone()));
            }
            if fault == Some(FaultKind::ListAsObject) {
                respond::list_as_object(&mut value);
            }
            let resp = json_response(status, &value, &rid);
            match fault {
                Some(k) => respond::damage(k, status, &value.to_string(), "application/json")
                    .unwrap_or(resp),
                None => resp,
            }
        }
        Err(None) => {
            respond::delay(state.config.hang_ms).await;
            let e = HwErr::new(504, "APIGW.0203", "Backend timeout");
            json_response(e.status, &e.body(&rid), &rid)
        }
        Err(Some(e)) => json_response(e.status, &e.body(&rid), &rid),
    }
}

type Served = Result<(u16, Value, Option<FaultKind>), Option<HwErr>>;

async fn serve(
    state: &Shared,
    (account, ak): (usize, String),
    method: &str,
    path: &str,
    query: &[(String, String)],
    body: &[u8],
) -> Served {
    let segs: Vec<&str> = path.trim_matches('/').split('/').collect();
    if segs.len() == 2 && segs[0] == "v3" && segs[1] == "projects" && method == "GET" {
        return Ok((200, projects(state, account, query).map_err(Some)?, None));
    }
    if segs.len() < 3 || segs[0] != "v5" {
        return Err(Some(HwErr::no_api()));
    }
    let project = segs[1];
    let region_i = {
        let estate = state.estate();
        estate.accounts[account]
            .huawei
            .iter()
            .position(|r| r.project_id == project)
    };
    let Some(region_i) = region_i else {
        return Err(Some(HwErr::new(
            403,
            "VPN.0003",
            format!("authentication failed: project {project} does not belong to the caller"),
        )));
    };
    let rest = &segs[2..];
    let api = rest[0].to_owned();
    let decision = lock(&state.faults).decide(Cloud::Huawei, &api, &ak, state.draw());
    respond::delay(decision.latency_ms).await;
    match decision.kind {
        Some(FaultKind::InternalError) => return Err(Some(HwErr::internal())),
        Some(FaultKind::Unavailable) => return Err(Some(HwErr::unavailable())),
        Some(FaultKind::Throttle) => return Err(Some(HwErr::throttled())),
        Some(FaultKind::Timeout) => return Err(None),
        _ => {}
    }
    if state.config.quotas {
        let template: Vec<&str> = rest
            .iter()
            .enumerate()
            .map(|(i, s)| {
                if i == 0 || WORDS.contains(s) {
                    *s
                } else {
                    "{id}"
                }
            })
            .collect();
        let key = (
            ak.clone(),
            project.to_owned(),
            format!("{method} {}", template.join("/")),
        );
        let now = state.clock.now();
        if lock(&state.quotas)
            .check(key, crate::quota::huawei_limit(method), now)
            .is_err()
        {
            return Err(Some(HwErr::throttled()));
        }
    }
    tracing::debug!(method, path, account, fault = ?decision.kind, "emulator huawei request");
    let (status, v) =
        ops::route(state, account, region_i, method, rest, query, body).map_err(Some)?;
    Ok((status, v, decision.kind))
}

/// IAM project discovery `GET /v3/projects?name={region}` (huawei.md §1.2).
fn projects(state: &Shared, account: usize, query: &[(String, String)]) -> Result<Value, HwErr> {
    let name = query
        .iter()
        .find(|(k, _)| k == "name")
        .map(|(_, v)| v.as_str());
    let estate = state.estate();
    let acct = &estate.accounts[account];
    let projects = acct
        .huawei
        .iter()
        .filter(|r| name.is_none_or(|n| n == r.region))
        .map(|r| Project {
            id: r.project_id.clone(),
            name: Some(r.region.clone()),
            domain_id: Some(acct.huawei_domain_id.clone()),
            enabled: Some(true),
            ..Project::default()
        })
        .collect();
    let mut resp = ProjectsResponse {
        projects,
        ..ProjectsResponse::default()
    };
    resp.extra.insert("links".into(), serde_json::json!({"self": "https://iam.myhuaweicloud.com/v3/projects", "next": null, "previous": null}));
    to_json(&resp)
}
