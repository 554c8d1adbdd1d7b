//! Huawei error answers: the VPN service body `{error_code, error_msg, request_id}` and the
//! API gateway's `APIGW.*` codes (huawei.md §2.3, §2.6, §2.7).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HwErr {
    pub status: u16,
    pub code: String,
    pub msg: String,
}

impl HwErr {
    pub fn new(status: u16, code: &str, msg: impl Into<String>) -> Self {
        Self {
            status,
            code: code.into(),
            msg: msg.into(),
        }
    }

    /// `VPN.0001` invalid request (400).
    pub fn invalid(msg: impl Into<String>) -> Self {
        Self::new(400, "VPN.0001", format!("invalid request: {}", msg.into()))
    }

    /// `VPN.0004` resource not found (404).
    pub fn not_found(kind: &str, id: &str) -> Self {
        Self::new(
            404,
            "VPN.0004",
            format!("resource (type={kind}, ID={id}) not found"),
        )
    }

    /// The gateway's throttling answer (huawei.md §2.3: 429).
    pub fn throttled() -> Self {
        Self::new(429, "APIGW.0308", "The throttling threshold has been reached: policy user over ratelimit,limit:600,time:1 minute")
    }

    /// Unknown path (API gateway).
    pub fn no_api() -> Self {
        Self::new(
            404,
            "APIGW.0101",
            "The API does not exist or has not been published in the environment",
        )
    }

    pub fn internal() -> Self {
        Self::new(500, "VPN.0002", "internal server error")
    }

    pub fn unavailable() -> Self {
        Self::new(503, "APIGW.0202", "The API is unavailable")
    }

    pub fn body(&self, request_id: &str) -> Value {
        json!({"error_code": self.code, "error_msg": self.msg, "request_id": request_id})
    }
}

/// A JSON response with `X-Request-Id` (huawei.md §2.2).
pub fn json_response(status: u16, body: &Value, request_id: &str) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut r = (
        status,
        [(header::CONTENT_TYPE, "application/json;charset=UTF-8")],
        body.to_string(),
    )
        .into_response();
    if let Ok(v) = HeaderValue::from_str(request_id) {
        r.headers_mut().insert("x-request-id", v);
    }
    r
}
