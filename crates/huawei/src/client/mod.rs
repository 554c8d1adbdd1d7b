//! The signed HTTP client: configuration, project-id resolution (spec §1.2) and the raw
//! [`Client::call`] used by the CLI. Typed operations live in [`crate::ops`].

mod send;

use crate::credentials::Credentials;
use crate::endpoint::Endpoints;
use crate::error::Error;
use crate::retry::RetryPolicy;
use crate::types::ProjectsResponse;
use chrono::{DateTime, Utc};
use reqwest::Method;
use serde_json::Value;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::OnceCell;

pub use send::Service;

/// Decodes a 2xx JSON body into `T` ([`Error::Decode`] with a redacted snippet on failure).
pub(crate) fn decode_body<T: serde::de::DeserializeOwned>(raw: &[u8]) -> Result<T, Error> {
    send::decode(200, raw)
}

/// Source of "now" for `X-Sdk-Date`; injectable for clock-skew tests.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// Everything needed to talk to one region of one account.
#[derive(Clone)]
pub struct ClientConfig {
    pub region: String,
    pub credentials: Credentials,
    pub endpoints: Endpoints,
    /// Skip IAM discovery when known.
    pub project_id: Option<String>,
    pub timeout: Duration,
    pub retry: RetryPolicy,
    /// Page size used by `list_all_*` (default [`crate::ops::DEFAULT_LIMIT`]).
    pub page_limit: u32,
    pub clock: Clock,
    /// Admits every HTTP attempt and hears how it ended (quota budgets); `None` = no gate.
    pub gate: Option<callgate::SharedGate>,
    /// Largest response body read, bytes: past it the call fails with `ResponseTooLarge`
    /// instead of buffering a runaway answer.
    pub max_response_bytes: usize,
}

/// Default [`ClientConfig::max_response_bytes`]: a page is a few hundred KB at most, so
/// 16 MiB only stops a broken or hostile answer.
pub const MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;

impl std::fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientConfig")
            .field("region", &self.region)
            .field("credentials", &self.credentials)
            .field("endpoints", &self.endpoints)
            .field("project_id", &self.project_id)
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            .field("page_limit", &self.page_limit)
            .finish_non_exhaustive()
    }
}

impl ClientConfig {
    /// Public endpoints for `region`, default timeout (30 s) and retry policy.
    pub fn new(region: &str, credentials: Credentials) -> Result<Self, Error> {
        Ok(Self {
            region: region.to_string(),
            credentials,
            endpoints: Endpoints::public(region)?,
            project_id: None,
            timeout: Duration::from_secs(30),
            retry: RetryPolicy::default(),
            page_limit: crate::ops::DEFAULT_LIMIT,
            clock: Arc::new(Utc::now),
            gate: None,
            max_response_bytes: MAX_RESPONSE_BYTES,
        })
    }

    /// Points both VPN and IAM calls at `base` (emulator, private endpoint).
    pub fn with_endpoint_override(
        mut self,
        base: &str,
        allow_insecure_http: bool,
    ) -> Result<Self, Error> {
        self.endpoints = Endpoints::override_all(base, allow_insecure_http)?;
        Ok(self)
    }
}

/// Huawei Cloud VPN v5 client for one region.
pub struct Client {
    http: reqwest::Client,
    config: ClientConfig,
    project_id: OnceCell<String>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl Client {
    pub fn new(config: ClientConfig) -> Result<Self, Error> {
        let http = reqwest::Client::builder()
            .timeout(config.timeout)
            .connect_timeout(config.timeout.min(Duration::from_secs(10)))
            .user_agent(concat!("gatewatch-huawei/", env!("CARGO_PKG_VERSION")))
            // A redirect would re-send signed headers to another host; never follow.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(Error::from_reqwest)?;
        let project_id = OnceCell::new_with(config.project_id.clone());
        Ok(Self {
            http,
            config,
            project_id,
        })
    }

    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    /// The project id: configured, or discovered once via
    /// `GET {iam}/v3/projects?name={region}` and cached (spec §1.2).
    pub async fn project_id(&self) -> Result<String, Error> {
        self.project_id
            .get_or_try_init(|| self.discover_project_id())
            .await
            .cloned()
    }

    async fn discover_project_id(&self) -> Result<String, Error> {
        let region = self.config.region.clone();
        let query = vec![("name".to_string(), region.clone())];
        let resp: ProjectsResponse = self
            .request_json(
                Service::Iam,
                Method::GET,
                "/v3/projects",
                &query,
                None,
                None,
            )
            .await?;
        // Guard against an IAM that treats `name` as a prefix filter.
        let exact: Vec<_> = resp
            .projects
            .iter()
            .filter(|p| p.name.as_deref().is_none_or(|n| n == region))
            .collect();
        match exact.as_slice() {
            [] => Err(Error::ProjectNotFound { region }),
            [one] => Ok(one.id.clone()),
            many => Err(Error::AmbiguousProject {
                region,
                count: many.len(),
            }),
        }
    }

    /// Raw signed call. `path` is absolute (`/v5/{project_id}/vpn-gateways`); a literal
    /// `{project_id}` is replaced with the (discovered) project id. Paths under `/v3/` go to
    /// IAM, everything else to the VPN endpoint. Returns the JSON body (`null` when empty).
    pub async fn call(
        &self,
        method: &str,
        path: &str,
        query: &[(String, String)],
        body: Option<&Value>,
    ) -> Result<Value, Error> {
        let method = Method::from_bytes(method.to_ascii_uppercase().as_bytes())
            .map_err(|_| Error::InvalidRequest(format!("bad HTTP method {method:?}")))?;
        if !path.starts_with('/') {
            return Err(Error::InvalidRequest("path must start with '/'".into()));
        }
        let service = if path.starts_with("/v3/") {
            Service::Iam
        } else {
            Service::Vpn
        };
        let mut path = path.to_string();
        let mut project = None;
        if service == Service::Vpn
            && (path.contains("{project_id}") || self.config.project_id.is_some())
        {
            let pid = self.project_id().await?;
            path = path.replace("{project_id}", &pid);
            project = Some(pid);
        }
        let body = body.map(|b| serde_json::to_vec(b).expect("JSON values serialize"));
        let raw = self
            .execute(service, method, &path, query, body, project.as_deref())
            .await?;
        if raw.is_empty() {
            return Ok(Value::Null);
        }
        send::decode(200, &raw)
    }
}
