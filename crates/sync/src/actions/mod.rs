//! Operator actions: the few cloud calls a person asks for (reveal a pre-shared key, download
//! a connection's peer configuration, publish / withdraw a VPN route, change a route's
//! weight), next to the crawl because they need what the sync engine owns: the decrypted
//! credentials, the per-(account, region) client and its quota gate. Going through the same
//! gate as the crawl keeps an operator's clicks inside the published API budgets
//! (`DownloadVpnConnectionConfig` allows 30 calls per 60 s).
//!
//! Every action says plainly when a cloud does not offer it (Huawei Cloud never returns a
//! PSK, and its peer-configuration export and VPN route writes are not in its public API).
//! Errors carry the cloud's code, a secret-free message and its request id.

mod peer_config;
mod psk;
mod routes;

pub use peer_config::{download_peer_config, peer_config, PeerConfig};
pub use psk::{reveal_psk, PresharedKey};
pub use routes::{modify_route_weight, publish_route, RouteRef};
/// What callers need to read the secrets the actions return.
pub use secrecy::{ExposeSecret, SecretString};

use crate::clients::RegionClient;
use crate::engine::Engine;
use store::model::Cloud;
use uuid::Uuid;

/// Which (account, region) an action runs in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub account: Uuid,
    pub region: String,
}

/// An action's result with the cloud's `RequestId` (for the audit log).
#[derive(Debug)]
pub struct Answer<T> {
    pub value: T,
    pub request_id: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ActionError {
    /// The cloud's API has no such operation; `why` says what to do instead.
    #[error("{cloud} does not offer this: {why}")]
    NotOffered {
        cloud: &'static str,
        why: &'static str,
    },
    /// The cloud answered with an error (or did not answer).
    #[error("{message}")]
    Cloud {
        code: String,
        message: String,
        request_id: Option<String>,
        /// The cloud says the object does not exist.
        not_found: bool,
    },
    /// The stored account cannot make a client (credentials, endpoint).
    #[error("the account's cloud settings: {0}")]
    Config(String),
    #[error(transparent)]
    Store(#[from] store::Error),
}

impl ActionError {
    /// The cloud's request id, when the cloud answered.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            ActionError::Cloud { request_id, .. } => request_id.as_deref(),
            _ => None,
        }
    }

    /// A short code for the audit log.
    pub fn code(&self) -> &str {
        match self {
            ActionError::NotOffered { .. } => "NotOffered",
            ActionError::Cloud { code, .. } => code,
            ActionError::Config(_) => "ConfigError",
            ActionError::Store(_) => "StoreError",
        }
    }
}

impl From<aliyun::Error> for ActionError {
    fn from(e: aliyun::Error) -> Self {
        let api = e.api();
        ActionError::Cloud {
            code: e.code().to_string(),
            request_id: api.and_then(|a| a.request_id.clone()),
            not_found: api.is_some_and(|a| a.kind == aliyun::ErrorKind::NotFound),
            // The client scrubs secrets from the cloud's message before it keeps it.
            message: match api {
                Some(a) => format!("Alibaba Cloud refused {}: {}", a.code, a.message),
                None => format!("Alibaba Cloud did not answer: {e}"),
            },
        }
    }
}

/// The Alibaba client of `target`, or [`ActionError::NotOffered`] with `why` for Huawei.
pub(crate) async fn aliyun_client(
    engine: &Engine,
    target: &Target,
    why: &'static str,
) -> Result<Box<aliyun::Client>, ActionError> {
    let creds =
        store::accounts::get_credentials(&engine.pool, &engine.keys, target.account).await?;
    if creds.cloud == Cloud::Huawei {
        return Err(ActionError::NotOffered {
            cloud: "Huawei Cloud",
            why,
        });
    }
    match engine.client(&creds, &target.region) {
        Ok(RegionClient::Aliyun(c)) => Ok(c),
        Ok(RegionClient::Huawei(_)) => Err(ActionError::NotOffered {
            cloud: "Huawei Cloud",
            why,
        }),
        Err(e) => Err(ActionError::Config(e.to_string())),
    }
}
