//! Errors as data (spec `alibaba.md` §1.9–§1.11, §8.3).
//!
//! A failed call is either an [`ApiError`] — the cloud answered with a non-2xx status and
//! (usually) a `{Code, Message, RequestId, HostId}` body — or a transport/decoding problem.
//! Every `ApiError` is classified into an [`ErrorKind`] that drives retries and UI wording.
//! Messages and body snippets are scrubbed of secrets before they are stored here.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Coarse class of an API error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ErrorKind {
    /// `Throttling*` or HTTP 429: retry with back-off.
    Throttled,
    /// Signature, AccessKey, timestamp/nonce or permission problems; never retried.
    Auth,
    /// A resource, region or action does not exist (`*.NotFound`, HTTP 404).
    NotFound,
    /// The request was malformed or violated a documented rule.
    InvalidParameter,
    /// Server-side or "busy, try later" errors (5xx, `VpnGateway.Configuring`, …).
    Transient,
    /// Anything else (quota, dependency, state conflicts, …).
    Other,
}

/// An error response from the API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    /// HTTP status code.
    pub status: u16,
    /// The cloud's `Code` (empty if the body had none).
    pub code: String,
    /// The cloud's `Message`, scrubbed of secrets.
    pub message: String,
    /// `RequestId`, to quote in support tickets.
    pub request_id: Option<String>,
    /// `HostId`: the endpoint host that served the request.
    pub host_id: Option<String>,
    /// `Recommend`: link to the error centre, when present.
    pub recommend: Option<String>,
    /// Classification of `code`/`status`.
    pub kind: ErrorKind,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP {} {}: {}", self.status, self.code, self.message)?;
        if let Some(id) = &self.request_id {
            write!(f, " (RequestId {id})")?;
        }
        Ok(())
    }
}

/// Every failure of a client call.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The API answered with an error.
    #[error("{action}: {error}")]
    Api {
        /// Operation name.
        action: String,
        /// The decoded error (boxed to keep `Result<_, Error>` small).
        error: Box<ApiError>,
    },
    /// No answer within the configured timeout.
    #[error("{action}: request timed out")]
    Timeout {
        /// Operation name.
        action: String,
    },
    /// The endpoint could not be reached.
    #[error("{action}: cannot connect: {message}")]
    Connect {
        /// Operation name.
        action: String,
        /// Transport detail.
        message: String,
    },
    /// Another transport failure (TLS, body read, …).
    #[error("{action}: transport error: {message}")]
    Transport {
        /// Operation name.
        action: String,
        /// Transport detail.
        message: String,
    },
    /// A 2xx body that is not the expected JSON.
    #[error("{action}: cannot decode response (HTTP {status}): {message}; body: {body_snippet}")]
    Decode {
        /// Operation name.
        action: String,
        /// HTTP status.
        status: u16,
        /// Parser message.
        message: String,
        /// Start of the body, truncated to [`SNIPPET_LEN`] characters and scrubbed.
        body_snippet: String,
    },
    /// The answer was longer than the client reads (`ClientConfig::max_response_bytes`).
    #[error("{action}: response refused: larger than {limit} bytes (the client's limit)")]
    TooLarge {
        /// Operation name.
        action: String,
        /// The limit, bytes.
        limit: usize,
    },
    /// Invalid client configuration (endpoint, CLI arguments, …).
    #[error("configuration error: {0}")]
    Config(String),
}

/// Maximum characters of a body kept in [`Error::Decode`].
pub const SNIPPET_LEN: usize = 256;

impl Error {
    /// The API error, if this is one.
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Error::Api { error, .. } => Some(error.as_ref()),
            _ => None,
        }
    }

    /// The cloud error code, or a stable local code for non-API failures (what the CLI prints).
    pub fn code(&self) -> &str {
        match self {
            Error::Api { error, .. } if !error.code.is_empty() => &error.code,
            Error::Api { .. } => "HttpError",
            Error::Timeout { .. } => "Timeout",
            Error::Connect { .. } => "ConnectError",
            Error::Transport { .. } => "TransportError",
            Error::Decode { .. } => "DecodeError",
            Error::TooLarge { .. } => "ResponseTooLarge",
            Error::Config(_) => "ConfigError",
        }
    }

    /// Whether a read may be retried: throttling, transient server errors, timeouts and
    /// connection failures (§8.3). Auth, not-found and parameter errors never are.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Api { error, .. } => {
                matches!(error.kind, ErrorKind::Throttled | ErrorKind::Transient)
            }
            Error::Timeout { .. } | Error::Connect { .. } => true,
            _ => false,
        }
    }
}

/// Classifies an error code and HTTP status (§1.9, §1.11, §8.3).
pub fn classify(status: u16, code: &str) -> ErrorKind {
    let c = code.to_ascii_lowercase();
    if c.starts_with("throttling") || status == 429 {
        return ErrorKind::Throttled;
    }
    const AUTH: &[&str] = &[
        "signaturedoesnotmatch",
        "incompletesignature",
        "invalidsignaturemethod",
        "signaturenonceused",
        "invalidaccesskeyid",
        "invalidtimestamp",
        "illegaltimestamp",
        "invalidsecuritytoken",
        "nopermission",
    ];
    // `Forbidden`/`Forbidden.SubUser` (and the seeded `Forbbiden.SubUser`, §1.11) are RAM
    // denials, but `Forbidden.TagKey.Duplicated` (HTTP 400) is tag validation, so key on
    // the 403 status or the exact permission codes.
    let permission = c == "forbidden" || c.ends_with(".subuser") || status == 403;
    if AUTH.iter().any(|p| c.starts_with(p)) || permission || status == 401 {
        return ErrorKind::Auth;
    }
    if c.contains("notfound") || status == 404 {
        return ErrorKind::NotFound;
    }
    const TRANSIENT: &[&str] = &[
        "internalerror",
        "serviceunavailable",
        "vpngateway.configuring",
        "incorrectrouteentrystatus",
        "incorrcetrouteentrystatus", // sic (§3.11)
    ];
    if TRANSIENT.iter().any(|p| c.starts_with(p)) || status >= 500 {
        return ErrorKind::Transient;
    }
    const PARAM: &[&str] = &[
        "invalid",
        "missing",
        "illegal",
        "idempotentparametermismatch",
        "forbidden.tagkey",
    ];
    if PARAM.iter().any(|p| c.starts_with(p)) {
        return ErrorKind::InvalidParameter;
    }
    ErrorKind::Other
}

/// Truncates text to `max` characters on a char boundary, marking the cut.
pub fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_documented_codes() {
        assert_eq!(classify(400, "Throttling.User"), ErrorKind::Throttled);
        assert_eq!(classify(503, "Throttling"), ErrorKind::Throttled);
        assert_eq!(classify(400, "SignatureDoesNotMatch"), ErrorKind::Auth);
        assert_eq!(
            classify(404, "InvalidAccessKeyId.NotFound"),
            ErrorKind::Auth
        );
        assert_eq!(classify(403, "Forbbiden.SubUser"), ErrorKind::Auth);
        assert_eq!(classify(400, "InvalidTimeStamp.Expired"), ErrorKind::Auth);
        assert_eq!(
            classify(404, "InvalidVpnGatewayInstanceId.NotFound"),
            ErrorKind::NotFound
        );
        assert_eq!(
            classify(400, "MissingParameter"),
            ErrorKind::InvalidParameter
        );
        assert_eq!(classify(400, "InvalidName"), ErrorKind::InvalidParameter);
        assert_eq!(
            classify(400, "VpnGateway.Configuring"),
            ErrorKind::Transient
        );
        assert_eq!(classify(500, "InternalError"), ErrorKind::Transient);
        assert_eq!(classify(502, ""), ErrorKind::Transient);
        assert_eq!(classify(400, "Resource.QuotaFull"), ErrorKind::Other);
        assert_eq!(
            classify(400, "Forbidden.TagKey.Duplicated"),
            ErrorKind::InvalidParameter
        );
    }

    #[test]
    fn truncate_respects_char_boundaries() {
        assert_eq!(truncate("主主主", 2), "主主…");
        assert_eq!(truncate("abc", 5), "abc");
    }
}
