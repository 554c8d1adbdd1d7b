//! The signed RPC client: one `reqwest` GET per attempt, fresh `Timestamp`/`SignatureNonce`
//! per attempt (§1.12), error mapping (§1.10) and retries (§8.3).
//!
//! Typed operations live in `ops/`; they all go through [`Client::request`]. The generic
//! [`Client::call`] is the raw escape hatch used by `gatewatch call aliyun …`.

use std::fmt;
use std::time::Duration;

use chrono::Utc;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::credentials::{mask_id, Credentials};
use crate::encode::encode_pairs;
use crate::endpoint::Endpoint;
use crate::error::{truncate, Error, SNIPPET_LEN};
use crate::redact::{redact_json, scrub};
use crate::response::decode;
use crate::retry::RetryPolicy;
use crate::sign::{signed_params, HttpMethod};

/// Operation parameters, in any order (the signer sorts them).
pub type Params = Vec<(String, String)>;

/// Per-account client configuration.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// AccessKey (and optional STS token).
    pub credentials: Credentials,
    /// Endpoint override for every region (private endpoint, emulator); `None` = public default.
    pub endpoint: Option<String>,
    /// Allow `http://` to non-loopback hosts (never needed in production).
    pub allow_insecure_http: bool,
    /// Whole-request timeout.
    pub timeout: Duration,
    /// Back-off for retryable failures.
    pub retry: RetryPolicy,
    /// Admits every HTTP attempt and hears how it ended (quota budgets); `None` = no gate.
    pub gate: Option<callgate::SharedGate>,
    /// Largest response body read, bytes: past it the call fails with `ResponseTooLarge`
    /// instead of buffering a runaway answer.
    pub max_response_bytes: usize,
}

/// Default [`ClientConfig::max_response_bytes`]: a page of 50 items is a few hundred KB at
/// most, so 16 MiB only stops a broken or hostile answer.
pub const MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;

impl ClientConfig {
    /// Defaults: public endpoints, HTTPS only, 20 s timeout, default retry policy.
    pub fn new(credentials: Credentials) -> Self {
        Self {
            credentials,
            endpoint: None,
            allow_insecure_http: false,
            timeout: Duration::from_secs(20),
            retry: RetryPolicy::default(),
            gate: None,
            max_response_bytes: MAX_RESPONSE_BYTES,
        }
    }
}

/// Whether a failed attempt may be repeated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    /// Reads, and writes carrying a `ClientToken` (the server de-duplicates them, §1.12).
    Safe,
    /// Writes without an idempotency token: never retried.
    Never,
}

/// Alibaba Cloud VPC / VPN Gateway client for one account.
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    credentials: Credentials,
    endpoint_override: Option<Endpoint>,
    retry: RetryPolicy,
    gate: Option<callgate::SharedGate>,
    max_response_bytes: usize,
    /// Applied to every request, so a shared HTTP client (see [`Client::with_http`]) keeps
    /// this account's timeout.
    timeout: Duration,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("access_key_id", &mask_id(self.credentials.access_key_id()))
            .field(
                "endpoint_override",
                &self.endpoint_override.as_ref().map(|e| e.url().as_str()),
            )
            .field("retry", &self.retry)
            .finish()
    }
}

impl Client {
    /// Validates the configuration (notably the endpoint override) and builds the client.
    pub fn new(config: ClientConfig) -> Result<Self, Error> {
        let http = reqwest::Client::builder()
            .timeout(config.timeout)
            .build()
            .map_err(|e| Error::Config(format!("cannot build HTTP client: {e}")))?;
        Self::with_http(config, http)
    }

    /// Like [`Client::new`], but sending through `http` (and its connection pool), which may
    /// be shared with other accounts' clients: a sync builds a client per job, and a fresh
    /// pool per job meant a new TCP connection for almost every call. The configured timeout
    /// still applies to each request.
    pub fn with_http(config: ClientConfig, http: reqwest::Client) -> Result<Self, Error> {
        let endpoint_override = config
            .endpoint
            .as_deref()
            .map(|e| Endpoint::parse(e, config.allow_insecure_http))
            .transpose()?;
        Ok(Self {
            http,
            credentials: config.credentials,
            endpoint_override,
            retry: config.retry,
            gate: config.gate,
            max_response_bytes: config.max_response_bytes,
            timeout: config.timeout,
        })
    }

    /// The endpoint a request for `region` goes to (central endpoint if no region).
    pub fn endpoint_for(&self, region: Option<&str>) -> Result<Endpoint, Error> {
        match (&self.endpoint_override, region) {
            (Some(e), _) => Ok(e.clone()),
            (None, Some(r)) => Endpoint::for_region(r),
            (None, None) => Endpoint::parse(crate::endpoint::CENTRAL_HOST, false),
        }
    }

    /// Raw signed call returning the response JSON (envelope unwrapped, *not* redacted —
    /// use [`crate::redact_json`] before printing or storing). The endpoint is chosen from
    /// the `RegionId` parameter. Read-like actions (`Describe*`, `List*`, `Download*`) and
    /// calls carrying `ClientToken` are retried per the policy; other writes never are.
    pub async fn call(&self, action: &str, params: &[(String, String)]) -> Result<Value, Error> {
        let read_like = ["Describe", "List", "Download", "Query", "Get"]
            .iter()
            .any(|p| action.starts_with(p));
        let has_token = params.iter().any(|(k, _)| k == "ClientToken");
        let retry = if read_like || has_token {
            Retry::Safe
        } else {
            Retry::Never
        };
        self.request(action, params, retry).await
    }

    /// Signed call decoded into `T`.
    pub async fn call_typed<T: DeserializeOwned>(
        &self,
        action: &str,
        params: &[(String, String)],
        retry: Retry,
    ) -> Result<T, Error> {
        let value = self.request(action, params, retry).await?;
        // From a borrow: the value is only needed again for the error's snippet.
        T::deserialize(&value).map_err(|e| {
            let mut shown = value;
            redact_json(&mut shown);
            Error::Decode {
                action: action.to_owned(),
                status: 200,
                message: e.to_string(),
                body_snippet: truncate(&shown.to_string(), SNIPPET_LEN),
            }
        })
    }

    /// Sends with retries. Each attempt is re-signed with a fresh time and nonce.
    pub async fn request(
        &self,
        action: &str,
        params: &[(String, String)],
        retry: Retry,
    ) -> Result<Value, Error> {
        let region = params
            .iter()
            .find(|(k, _)| k == "RegionId")
            .map(|(_, v)| v.as_str());
        let endpoint = self.endpoint_for(region)?;
        let max = match retry {
            Retry::Safe => self.retry.max_attempts.max(1),
            Retry::Never => 1,
        };
        let mut attempt = 0;
        loop {
            if let Some(gate) = &self.gate {
                gate.0.admit(action).await;
            }
            let result = self.send_once(&endpoint, action, params).await;
            if let Some(gate) = &self.gate {
                gate.0.finished(action, outcome(&result));
            }
            callgate::observe::report(callgate::observe::Attempt {
                cloud: "aliyun",
                api: action,
                result: observed(&result),
                retry: attempt > 0,
            });
            match result {
                Err(e) if e.is_retryable() && attempt + 1 < max => {
                    let delay = self.retry.backoff(attempt);
                    tracing::warn!(action, attempt, code = e.code(), ?delay, "retrying");
                    (self.retry.sleep)(delay).await;
                    attempt += 1;
                }
                other => return other,
            }
        }
    }

    async fn send_once(
        &self,
        endpoint: &Endpoint,
        action: &str,
        params: &[(String, String)],
    ) -> Result<Value, Error> {
        let nonce = uuid::Uuid::new_v4().to_string();
        let signed = signed_params(
            HttpMethod::Get,
            action,
            params,
            &self.credentials,
            Utc::now(),
            &nonce,
        );
        let mut url = endpoint.url().clone();
        // Our own encoder, never the url crate's query serializer (§1.4).
        url.set_query(Some(&encode_pairs(
            signed.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        )));
        tracing::debug!(action, host = %endpoint.host(), "aliyun request");
        let secrets = self.secrets(&signed);
        let resp = self
            .http
            .get(url)
            .timeout(self.timeout)
            .send()
            .await
            .map_err(|e| transport_error(action, e, &secrets))?;
        let status = resp.status().as_u16();
        let body = read_limited(resp, self.max_response_bytes)
            .await
            .map_err(|e| match e {
                Limited::Transport(e) => transport_error(action, e, &secrets),
                Limited::TooLarge => Error::TooLarge {
                    action: action.to_owned(),
                    limit: self.max_response_bytes,
                },
            })?;
        tracing::debug!(action, status, "aliyun response");
        decode(action, status, &body, &secrets)
    }

    /// Values to scrub from errors: secret, STS token and this request's signature.
    fn secrets(&self, signed: &[(String, String)]) -> Vec<String> {
        let mut s = self.credentials.secret_values();
        s.extend(
            signed
                .iter()
                .filter(|(k, _)| k == "Signature")
                .map(|(_, v)| v.clone()),
        );
        s
    }
}

/// What rate control needs to know of an attempt.
fn outcome(result: &Result<Value, Error>) -> callgate::Outcome {
    match result {
        Err(Error::Api { error, .. }) if error.kind == crate::ErrorKind::Throttled => {
            callgate::Outcome::Throttled
        }
        Err(Error::Timeout { .. } | Error::Connect { .. }) => callgate::Outcome::NoAnswer,
        _ => callgate::Outcome::Answered,
    }
}

/// How an attempt ended, for metrics (success and non-rate errors told apart).
fn observed(result: &Result<Value, Error>) -> callgate::observe::AttemptResult {
    use callgate::observe::AttemptResult;
    match (result, outcome(result)) {
        (Ok(_), _) => AttemptResult::Ok,
        (_, callgate::Outcome::Throttled) => AttemptResult::Throttled,
        (_, callgate::Outcome::NoAnswer) => AttemptResult::NoAnswer,
        (Err(_), callgate::Outcome::Answered) => AttemptResult::Error,
    }
}

enum Limited {
    Transport(reqwest::Error),
    TooLarge,
}

/// Reads the body chunk by chunk, giving up as soon as it passes `limit` bytes (announced or
/// counted), so a runaway answer costs at most `limit` bytes of memory.
async fn read_limited(mut resp: reqwest::Response, limit: usize) -> Result<String, Limited> {
    if resp.content_length().is_some_and(|n| n > limit as u64) {
        return Err(Limited::TooLarge);
    }
    let mut body = Vec::new();
    while let Some(chunk) = resp.chunk().await.map_err(Limited::Transport)? {
        if body.len() + chunk.len() > limit {
            return Err(Limited::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(String::from_utf8_lossy(&body).into_owned())
}

/// Maps a reqwest error without its URL, which would carry the signed query string.
fn transport_error(action: &str, e: reqwest::Error, secrets: &[String]) -> Error {
    let action = action.to_owned();
    let (timeout, connect) = (e.is_timeout(), e.is_connect());
    let message = scrub(&e.without_url().to_string(), secrets);
    if timeout {
        Error::Timeout { action }
    } else if connect {
        Error::Connect { action, message }
    } else {
        Error::Transport { action, message }
    }
}
