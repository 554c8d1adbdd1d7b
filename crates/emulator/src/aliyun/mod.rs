//! Alibaba Cloud VPC / VPN Gateway RPC front end (alibaba.md §1): parse GET query or form
//! POST, authenticate, apply quotas and faults, dispatch the action, render JSON or XML.

pub mod auth;
mod dispatch;
pub mod errors;
mod hybrid;
mod logs;
pub mod page;
mod render;
mod vpc;
mod vpn;
mod write;
pub mod xml;

use std::sync::Arc;

use aliyun::encode::decode_query;
use aliyun::sign::HttpMethod;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, Method};
use axum::response::Response;
use serde_json::Value;

use self::auth::param;
use self::errors::{render, render_err, AliErr, Format};
use crate::faults::{Cloud, FaultKind};
use crate::respond;
use crate::server::{lock, Shared};

pub use dispatch::KNOWN_ACTIONS;

/// Serialises a wire type (infallible for the client crates' types).
pub fn to_json<T: serde::Serialize>(v: &T) -> Result<Value, AliErr> {
    serde_json::to_value(v).map_err(|_| AliErr::internal())
}

fn request_id() -> String {
    uuid::Uuid::new_v4().to_string().to_uppercase()
}

/// Handles one Alibaba request.
pub async fn handle(state: Arc<Shared>, req: Request<Body>) -> Response {
    let rid = request_id();
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("vpc.aliyuncs.com")
        .to_owned();
    let method = req.method().clone();
    let query = req.uri().query().unwrap_or_default().to_owned();
    let limit = state.config.max_body_bytes;
    let body = match axum::body::to_bytes(req.into_body(), limit).await {
        Ok(b) => b,
        Err(_) => {
            let e = AliErr::new(
                413,
                "InvalidParameter.RequestTooLarge",
                format!("The request body exceeds {limit} bytes."),
            );
            return render_err(&e, Format::Json, &rid, &host);
        }
    };
    let (sign_method, params) = if method == Method::GET {
        (HttpMethod::Get, decode_query(&query))
    } else if method == Method::POST {
        let Ok(form) = std::str::from_utf8(&body) else {
            return render_err(
                &AliErr::invalid("body", "not UTF-8"),
                Format::Json,
                &rid,
                &host,
            );
        };
        let mut p = decode_query(&query);
        p.extend(decode_query(form));
        (HttpMethod::Post, p)
    } else {
        let e = AliErr::new(
            405,
            "UnsupportedHTTPMethod",
            format!("HTTP method {method} is not supported."),
        );
        return render_err(&e, Format::Json, &rid, &host);
    };
    let format = Format::from_param(param(&params, "Format"));
    match serve(&state, sign_method, &params).await {
        Ok(Served::Body(action, mut value, fault)) => {
            if let Value::Object(m) = &mut value {
                m.entry("RequestId").or_insert(Value::from(rid.clone()));
            }
            if fault == Some(FaultKind::ListAsObject) {
                respond::list_as_object(&mut value);
            }
            let resp = render(200, format, &format!("{action}Response"), &value);
            match fault {
                Some(k) => {
                    let text = match format {
                        Format::Json => value.to_string(),
                        Format::Xml => xml::to_xml(&format!("{action}Response"), &value),
                    };
                    respond::damage(k, 200, &text, "application/json").unwrap_or(resp)
                }
                None => resp,
            }
        }
        Ok(Served::Hang) => {
            respond::delay(state.config.hang_ms).await;
            render_err(&AliErr::unavailable(), format, &rid, &host)
        }
        Err(e) => render_err(&e, format, &rid, &host),
    }
}

enum Served {
    Body(String, Value, Option<FaultKind>),
    Hang,
}

async fn serve(
    state: &Shared,
    method: HttpMethod,
    p: &[(String, String)],
) -> Result<Served, AliErr> {
    let account = auth::authenticate(state, method, p, state.wall_now())?;
    let action = param(p, "Action").unwrap_or_default().to_owned();
    let key_id = param(p, "AccessKeyId").unwrap_or_default().to_owned();
    let region = param(p, "RegionId").unwrap_or("").to_owned();
    state.count_call(&action);
    let decision = lock(&state.faults).decide(Cloud::Aliyun, &action, &key_id, state.draw());
    respond::delay(decision.latency_ms).await;
    match decision.kind {
        Some(FaultKind::InternalError) => return Err(AliErr::internal()),
        Some(FaultKind::Unavailable) => return Err(AliErr::unavailable()),
        Some(FaultKind::Throttle) => return Err(AliErr::throttled()),
        Some(FaultKind::Timeout) => return Ok(Served::Hang),
        _ => {}
    }
    if state.config.quotas {
        let limit = crate::quota::aliyun_limit(&action);
        let key = (key_id.clone(), region, action.clone());
        let now = state.clock.now();
        if lock(&state.quotas).check(key, limit, now).is_err() {
            return Err(AliErr::throttled());
        }
    }
    tracing::debug!(action, account, fault = ?decision.kind, "emulator aliyun request");
    let value = dispatch::dispatch(state, account, &action, p)?;
    Ok(Served::Body(action, value, decision.kind))
}
