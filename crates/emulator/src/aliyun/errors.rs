//! Alibaba error answers (alibaba.md §1.9–§1.11) and response rendering (§1.10, §5.1).

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use super::xml::to_xml;

/// An error the API answers with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AliErr {
    pub status: u16,
    pub code: String,
    pub message: String,
}

impl AliErr {
    pub fn new(status: u16, code: &str, message: impl Into<String>) -> Self {
        Self {
            status,
            code: code.to_owned(),
            message: message.into(),
        }
    }

    /// `MissingParameter` naming the parameter.
    pub fn missing(name: &str) -> Self {
        Self::new(
            400,
            "MissingParameter",
            format!("The input parameter \"{name}\" that is mandatory for processing this request is not supplied."),
        )
    }

    /// `InvalidParameter` for a malformed value.
    pub fn invalid(name: &str, value: &str) -> Self {
        Self::new(
            400,
            "InvalidParameter",
            format!("The specified parameter \"{name}\" is not valid: {value:?}."),
        )
    }

    /// `Invalid<Kind>.NotFound` (404).
    pub fn not_found(code: &str, what: &str) -> Self {
        Self::new(404, code, format!("The specified {what} does not exist."))
    }

    /// The quota answer (alibaba.md §1.9: `Throttling.User`, HTTP 400).
    pub fn throttled() -> Self {
        Self::new(
            400,
            "Throttling.User",
            "Request was denied due to user flow control.",
        )
    }

    pub fn internal() -> Self {
        Self::new(
            500,
            "InternalError",
            "The request processing has failed due to some unknown error, exception or failure.",
        )
    }

    pub fn unavailable() -> Self {
        Self::new(
            503,
            "ServiceUnavailable",
            "The request has failed due to a temporary failure of the server.",
        )
    }

    /// The error envelope `{RequestId, HostId, Code, Message, Recommend}` (§1.10).
    pub fn body(&self, request_id: &str, host: &str) -> Value {
        json!({
            "RequestId": request_id,
            "HostId": host,
            "Code": self.code,
            "Message": self.message,
            "Recommend": format!("https://error-center.aliyun.com/status/search?Keyword={}&source=PopGw", self.code),
        })
    }
}

/// Response body format requested by `Format` (default JSON, §5.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Xml,
}

impl Format {
    pub fn from_param(v: Option<&str>) -> Self {
        match v {
            Some(f) if f.eq_ignore_ascii_case("xml") => Format::Xml,
            _ => Format::Json,
        }
    }
}

/// Serialises `body` (whose top level is the response's fields) as JSON or as XML with root
/// `<{root}>` (`{Action}Response`, or `Error` for errors).
pub fn render(status: u16, format: Format, root: &str, body: &Value) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let (ctype, text) = match format {
        Format::Json => ("application/json;charset=utf-8", body.to_string()),
        Format::Xml => ("text/xml;charset=utf-8", to_xml(root, body)),
    };
    (status, [(header::CONTENT_TYPE, ctype)], text).into_response()
}

/// Renders an error.
pub fn render_err(err: &AliErr, format: Format, request_id: &str, host: &str) -> Response {
    render(err.status, format, "Error", &err.body(request_id, host))
}
