//! One HTTP POST of a payload, and what its answer means for retrying. Errors are written
//! without the URL (reqwest puts it in its messages; a Slack URL is a credential).

use secrecy::{ExposeSecret, SecretString};
use serde_json::Value;

/// The answer to one attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The receiver's HTTP status, when it answered.
    pub http_status: Option<u16>,
    /// Why it did not work (no URL in it); `None` on a 2xx.
    pub error: Option<String>,
    /// Worth trying again: no answer, a timeout, a 5xx or a 429.
    pub retryable: bool,
}

impl Outcome {
    pub fn ok(&self) -> bool {
        self.error.is_none()
    }
}

/// The error text of a failed request, without the URL.
fn describe(e: reqwest::Error) -> String {
    let kind = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "could not connect"
    } else {
        "request failed"
    };
    let e = e.without_url();
    // The source chain says why (refused, DNS, TLS) and carries no URL either.
    let mut why = String::new();
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        why = s.to_string();
        source = s.source();
    }
    if why.is_empty() {
        kind.to_owned()
    } else {
        format!("{kind}: {why}")
    }
}

/// Posts `body` as JSON to `url`.
pub async fn post(http: &reqwest::Client, url: &SecretString, body: &Value) -> Outcome {
    match http.post(url.expose_secret()).json(body).send().await {
        Ok(resp) => {
            let status = resp.status();
            if status.is_success() {
                return Outcome {
                    http_status: Some(status.as_u16()),
                    error: None,
                    retryable: false,
                };
            }
            // A short excerpt of the receiver's own words helps ("invalid_token", "no_text").
            let text = resp.text().await.unwrap_or_default();
            let excerpt: String = text.trim().chars().take(200).collect();
            let error = match excerpt.is_empty() {
                true => format!("the receiver answered HTTP {}", status.as_u16()),
                false => format!("the receiver answered HTTP {}: {excerpt}", status.as_u16()),
            };
            Outcome {
                http_status: Some(status.as_u16()),
                error: Some(error),
                retryable: status.is_server_error() || status.as_u16() == 429,
            }
        }
        Err(e) => Outcome {
            http_status: None,
            error: Some(describe(e)),
            retryable: true,
        },
    }
}
