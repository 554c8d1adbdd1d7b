//! One signed exchange: build the URL, sign (spec §1.3), send, classify the response
//! (spec §2.6), with retries for reads (spec §2.8).

use super::Client;
use crate::endpoint::{host_header, join_path};
use crate::error::{parse_api_error, snippet, Error};
use crate::retry::run_with_retry;
use crate::sign::{sign, SigningRequest};
use reqwest::Method;
use serde::de::DeserializeOwned;

/// Which base URL a request goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    Vpn,
    Iam,
}

/// Decodes a JSON body, turning failures into [`Error::Decode`] with a redacted snippet.
pub(crate) fn decode<T: DeserializeOwned>(status: u16, body: &[u8]) -> Result<T, Error> {
    serde_json::from_slice(body).map_err(|e| Error::Decode {
        status,
        message: e.to_string(),
        snippet: snippet(body),
    })
}

/// What rate control needs to know of an attempt.
fn outcome<T>(result: &Result<T, Error>) -> callgate::Outcome {
    match result {
        Err(Error::Api(api)) if api.kind == crate::ErrorKind::Throttled => {
            callgate::Outcome::Throttled
        }
        Err(Error::Transport { .. }) => callgate::Outcome::NoAnswer,
        _ => callgate::Outcome::Answered,
    }
}

/// How an attempt ended, for metrics (success and non-rate errors told apart).
fn observed<T>(result: &Result<T, Error>) -> callgate::observe::AttemptResult {
    use callgate::observe::AttemptResult;
    match (result, outcome(result)) {
        (Ok(_), _) => AttemptResult::Ok,
        (_, callgate::Outcome::Throttled) => AttemptResult::Throttled,
        (_, callgate::Outcome::NoAnswer) => AttemptResult::NoAnswer,
        (Err(_), callgate::Outcome::Answered) => AttemptResult::Error,
    }
}

impl Client {
    /// Sends with retries and returns the raw body of a 2xx response.
    pub(crate) async fn execute(
        &self,
        service: Service,
        method: Method,
        path: &str,
        query: &[(String, String)],
        body: Option<Vec<u8>>,
        project_id: Option<&str>,
    ) -> Result<Vec<u8>, Error> {
        let idempotent = method == Method::GET || method == Method::HEAD;
        let api = format!("{method} {}", callgate::path_family(path));
        let (api, method, body) = (&api, &method, &body);
        run_with_retry(&self.config.retry, idempotent, |attempt| async move {
            if let Some(gate) = &self.config.gate {
                gate.0.admit(api).await;
            }
            let result = self
                .send_once(
                    service,
                    method.clone(),
                    path,
                    query,
                    body.as_deref(),
                    project_id,
                )
                .await;
            if let Some(gate) = &self.config.gate {
                gate.0.finished(api, outcome(&result));
            }
            callgate::observe::report(callgate::observe::Attempt {
                cloud: "huawei",
                api,
                result: observed(&result),
                retry: attempt > 1,
            });
            result
        })
        .await
    }

    async fn send_once(
        &self,
        service: Service,
        method: Method,
        path: &str,
        query: &[(String, String)],
        body: Option<&[u8]>,
        project_id: Option<&str>,
    ) -> Result<Vec<u8>, Error> {
        let base = match service {
            Service::Vpn => &self.config.endpoints.vpn,
            Service::Iam => &self.config.endpoints.iam,
        };
        let host = host_header(base);
        let full_path = join_path(base, path);
        let mut headers = Vec::new();
        if body.is_some() {
            headers.push(("Content-Type".to_string(), "application/json".to_string()));
        }
        let req = SigningRequest {
            method: method.as_str(),
            host: &host,
            path: &full_path,
            query,
            headers: &headers,
            body: body.unwrap_or_default(),
        };
        // Re-signed per attempt so a retry never carries a stale X-Sdk-Date.
        let signed = sign(
            &req,
            &self.config.credentials,
            project_id,
            (self.config.clock)(),
        );
        let mut url = format!("{}://{}{}", base.scheme(), host, full_path);
        if !signed.query_string.is_empty() {
            url.push('?');
            url.push_str(&signed.query_string);
        }
        let mut rb = self.http.request(method.clone(), &url);
        for (n, v) in &signed.headers {
            rb = rb.header(n.as_str(), v.as_str());
        }
        if let Some(b) = body {
            rb = rb.body(b.to_vec());
        }
        let resp = rb.send().await.map_err(Error::from_reqwest)?;
        let status = resp.status().as_u16();
        let request_id = resp
            .headers()
            .get("x-request-id")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let bytes = read_limited(resp, self.config.max_response_bytes).await?;
        tracing::debug!(%method, path = %full_path, status, request_id = ?request_id, "huawei call");
        // Redirects are not followed (see `Client::new`), so a 3xx is reported as an error too.
        if status >= 300 {
            return Err(Error::Api(parse_api_error(
                status,
                request_id.as_deref(),
                &bytes,
            )));
        }
        Ok(bytes)
    }

    /// Sends and decodes a typed JSON response.
    pub(crate) async fn request_json<T: DeserializeOwned>(
        &self,
        service: Service,
        method: Method,
        path: &str,
        query: &[(String, String)],
        body: Option<Vec<u8>>,
        project_id: Option<&str>,
    ) -> Result<T, Error> {
        let raw = self
            .execute(service, method, path, query, body, project_id)
            .await?;
        decode(200, &raw)
    }

    /// `GET /v5/{project_id}{rel}` decoded as `T`, with `X-Project-Id` (spec §1.3 step 0).
    pub(crate) async fn vpn_get<T: DeserializeOwned>(
        &self,
        rel: &str,
        query: &[(String, String)],
    ) -> Result<T, Error> {
        let pid = self.project_id().await?;
        let path = format!("/v5/{}{rel}", crate::sign::encode(&pid));
        self.request_json(Service::Vpn, Method::GET, &path, query, None, Some(&pid))
            .await
    }

    /// Write to `/v5/{project_id}{rel}`; returns the raw body (may be empty for 204).
    pub(crate) async fn vpn_write(
        &self,
        method: Method,
        rel: &str,
        body: Option<Vec<u8>>,
    ) -> Result<Vec<u8>, Error> {
        let pid = self.project_id().await?;
        let path = format!("/v5/{}{rel}", crate::sign::encode(&pid));
        self.execute(Service::Vpn, method, &path, &[], body, Some(&pid))
            .await
    }
}

/// Reads the body chunk by chunk, giving up as soon as it passes `limit` bytes (announced or
/// counted), so a runaway answer costs at most `limit` bytes of memory.
async fn read_limited(mut resp: reqwest::Response, limit: usize) -> Result<Vec<u8>, Error> {
    let too_large = || Error::ResponseTooLarge { limit };
    if resp.content_length().is_some_and(|n| n > limit as u64) {
        return Err(too_large());
    }
    let mut body = Vec::new();
    while let Some(chunk) = resp.chunk().await.map_err(Error::from_reqwest)? {
        if body.len() + chunk.len() > limit {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}
