//! Cloud clients for one (account, region), built from the stored (decrypted) credentials, the
//! account's endpoint override for that region (or for every region, key `*`), and the gate.

use crate::fetch::FetchError;
use callgate::SharedGate;
use secrecy::ExposeSecret;
use store::model::{Cloud, Credentials};

pub enum RegionClient {
    Aliyun(Box<aliyun::Client>),
    Huawei(Box<huawei::Client>),
}

/// The endpoint override for `region`: its own entry, else the account-wide `*` entry.
pub fn endpoint_for<'a>(creds: &'a Credentials, region: &str) -> Option<&'a str> {
    creds
        .endpoints
        .get(region)
        .or_else(|| creds.endpoints.get("*"))
        .map(String::as_str)
}

/// The connection pool the engine's Alibaba clients share: a job builds its own client, and
/// a pool per job opened a new TCP connection for nearly every call (each account's timeout
/// is still applied per request). Huawei clients keep their own (they cache a project id).
pub fn shared_http() -> reqwest::Client {
    // The same settings `aliyun::Client::new` builds with, less the timeout.
    reqwest::Client::new()
}

pub fn build(
    creds: &Credentials,
    region: &str,
    gate: SharedGate,
    http: &reqwest::Client,
) -> Result<RegionClient, FetchError> {
    match creds.cloud {
        Cloud::Aliyun => {
            let mut config = aliyun_config(creds, region);
            config.gate = Some(gate);
            let client = aliyun::Client::with_http(config, http.clone())?;
            Ok(RegionClient::Aliyun(Box::new(client)))
        }
        Cloud::Huawei => {
            let mut config = huawei_config(creds, region)?;
            config.gate = Some(gate);
            Ok(RegionClient::Huawei(Box::new(huawei::Client::new(config)?)))
        }
    }
}

/// An Alibaba client configuration for `region` (no gate): credentials and endpoint override.
pub fn aliyun_config(creds: &Credentials, region: &str) -> aliyun::ClientConfig {
    let credentials =
        aliyun::Credentials::new(creds.access_key_id.clone(), creds.secret.expose_secret());
    let mut config = aliyun::ClientConfig::new(credentials);
    config.endpoint = endpoint_for(creds, region).map(str::to_string);
    config
}

/// A Huawei client configuration for `region` (no gate): credentials and endpoint override.
pub fn huawei_config(
    creds: &Credentials,
    region: &str,
) -> Result<huawei::ClientConfig, FetchError> {
    let config_error = |message: String| FetchError {
        code: "ConfigError".into(),
        message,
    };
    let credentials = huawei::Credentials::new(creds.access_key_id.clone(), creds.secret.clone());
    let mut config =
        huawei::ClientConfig::new(region, credentials).map_err(|e| config_error(e.to_string()))?;
    if let Some(base) = endpoint_for(creds, region) {
        config = config
            .with_endpoint_override(base, false)
            .map_err(|e| config_error(e.to_string()))?;
    }
    Ok(config)
}
