//! Errors as data (spec §2.6–§2.8): API errors keep status, code, message and request id and
//! are classified; transport and decode failures are separate variants. No variant ever
//! contains a secret key, signature, security token or PSK.

mod parse;

pub use parse::{parse_api_error, snippet};

/// Coarse class of an API error, used for retry decisions and UI messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// HTTP 429 or an API Gateway throttling code (`APIGW.0308`).
    Throttled,
    /// Authentication / signature / authorization failure (401, 403, `APIGW.030x`).
    Auth,
    /// Resource does not exist (404, `VPN.0004`, …).
    NotFound,
    /// Bad request parameters or state (other 4xx, `VPN.0001`).
    InvalidParameter,
    /// Server-side trouble worth retrying (5xx, `VPN.0030` "system busy").
    Transient,
    /// Anything else.
    Other,
}

/// An error response from the VPN service, IAM or the API gateway in front of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: u16,
    /// `error_code` (or `code`/`errorCode`); the HTTP status as text when absent (spec §2.6 rule 4).
    pub code: String,
    pub message: String,
    pub request_id: Option<String>,
    /// IAM policy-deny detail, when present.
    pub encoded_authorization_message: Option<String>,
    pub kind: ErrorKind,
}

/// Which stage of the HTTP exchange failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransportKind {
    Timeout,
    Connect,
    Other,
}

/// Everything the client can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("huawei api error {}: {} {} (request id {})", .0.status, .0.code, .0.message, .0.request_id.as_deref().unwrap_or("-"))]
    Api(ApiError),
    #[error("transport error ({kind:?}): {message}")]
    Transport {
        kind: TransportKind,
        message: String,
    },
    #[error("could not decode response (HTTP {status}): {message}; body starts with: {snippet}")]
    Decode {
        status: u16,
        message: String,
        snippet: String,
    },
    #[error("response refused: larger than {limit} bytes (the client's limit)")]
    ResponseTooLarge { limit: usize },
    #[error("invalid endpoint: {0}")]
    Endpoint(String),
    #[error("invalid request: {0}")]
    InvalidRequest(String),
    #[error("no IAM project named {region} (region not enabled for this account?)")]
    ProjectNotFound { region: String },
    #[error("{count} IAM projects are named {region}; configure project_id explicitly")]
    AmbiguousProject { region: String, count: usize },
}

impl Error {
    /// A short code for scripts and stored sync failures: the cloud's `error_code` (e.g.
    /// `APIGW.0308`), else `HTTP<status>`, else the class of a client-side failure.
    pub fn code(&self) -> String {
        match self {
            Error::Api(api) if !api.code.is_empty() => api.code.clone(),
            Error::Api(api) => format!("HTTP{}", api.status),
            Error::Transport { .. } => "TransportError".into(),
            Error::Decode { .. } => "DecodeError".into(),
            Error::ResponseTooLarge { .. } => "ResponseTooLarge".into(),
            Error::Endpoint(_) => "InvalidEndpoint".into(),
            Error::InvalidRequest(_) => "InvalidRequest".into(),
            Error::ProjectNotFound { .. } => "ProjectNotFound".into(),
            Error::AmbiguousProject { .. } => "AmbiguousProject".into(),
        }
    }

    /// The API error classification, if this is an API error.
    pub fn kind(&self) -> Option<ErrorKind> {
        match self {
            Error::Api(e) => Some(e.kind),
            _ => None,
        }
    }

    /// The request id, when the service returned one.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Api(e) => e.request_id.as_deref(),
            _ => None,
        }
    }

    pub(crate) fn from_reqwest(e: reqwest::Error) -> Self {
        let kind = if e.is_timeout() {
            TransportKind::Timeout
        } else if e.is_connect() {
            TransportKind::Connect
        } else {
            TransportKind::Other
        };
        // reqwest errors mention the URL (no credentials are ever in it) but not headers.
        Error::Transport {
            kind,
            message: e.without_url().to_string(),
        }
    }
}

/// Classifies by error code first (it is more specific), then by HTTP status.
pub fn classify(status: u16, code: &str) -> ErrorKind {
    let gw = code
        .strip_prefix("APIGW.")
        .or_else(|| code.strip_prefix("APIG."));
    if let Some(num) = gw {
        return match num {
            "0308" => ErrorKind::Throttled,
            "0301" | "0302" | "0303" | "0304" | "0305" | "0306" | "0307" => ErrorKind::Auth,
            "0101" => ErrorKind::NotFound,
            _ => classify_status(status),
        };
    }
    match code {
        "VPN.0030" => ErrorKind::Transient,
        "VPN.0004" | "VPN.0509" | "VPN.0551" | "VPN.0563" | "VPN.1116" | "VPN.1301"
        | "VPN.1303" | "VPN.1401" => ErrorKind::NotFound,
        "VPN.0001" => ErrorKind::InvalidParameter,
        _ => classify_status(status),
    }
}

fn classify_status(status: u16) -> ErrorKind {
    match status {
        429 => ErrorKind::Throttled,
        401 | 403 => ErrorKind::Auth,
        404 => ErrorKind::NotFound,
        400 | 405..=428 => ErrorKind::InvalidParameter,
        500..=599 => ErrorKind::Transient,
        _ => ErrorKind::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classification_prefers_code_over_status() {
        assert_eq!(classify(429, "APIGW.0308"), ErrorKind::Throttled);
        assert_eq!(classify(400, "APIG.0308"), ErrorKind::Throttled);
        assert_eq!(classify(401, "APIGW.0301"), ErrorKind::Auth);
        assert_eq!(classify(403, "APIGW.0302"), ErrorKind::Auth);
        assert_eq!(classify(404, "VPN.0004"), ErrorKind::NotFound);
        assert_eq!(classify(400, "VPN.0030"), ErrorKind::Transient);
        assert_eq!(classify(400, "VPN.0001"), ErrorKind::InvalidParameter);
        assert_eq!(classify(503, "503"), ErrorKind::Transient);
        assert_eq!(classify(409, "VPN.0031"), ErrorKind::InvalidParameter);
        assert_eq!(classify(302, "302"), ErrorKind::Other);
    }

    #[test]
    fn display_includes_code_and_request_id() {
        let e = Error::Api(ApiError {
            status: 404,
            code: "VPN.0004".into(),
            message: "resource not found".into(),
            request_id: Some("rid".into()),
            encoded_authorization_message: None,
            kind: ErrorKind::NotFound,
        });
        assert_eq!(
            e.to_string(),
            "huawei api error 404: VPN.0004 resource not found (request id rid)"
        );
        assert_eq!(e.kind(), Some(ErrorKind::NotFound));
        assert_eq!(e.request_id(), Some("rid"));
    }
}
