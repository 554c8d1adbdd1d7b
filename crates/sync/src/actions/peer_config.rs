//! Downloading a connection's peer-side configuration (`DownloadVpnConnectionConfig`,
//! alibaba.md §3.4): what the on-premises device needs, PSK included, as the cloud's JSON.
//! The cloud allows 30 calls per 60 s, so [`peer_config`] serves a fresh copy from
//! `store::peer_config_vault` when it has one and keeps each new download there.

use super::{aliyun_client, ActionError, Answer, Target};
use crate::engine::Engine;
use aliyun::types::connection::DownloadVpnConnectionConfigResponse;
use aliyun::Retry;
use chrono::{DateTime, Utc};
use secrecy::SecretString;
use store::peer_config_vault::{self as vault, VaultKey};

const HUAWEI_EXPORT: &str = "Huawei Cloud's peer-configuration export is not part of its \
     public VPN API (it exists only in its console and SDK); copy the settings from the \
     connection page instead";

/// The peer configuration of `connection_id` as pretty JSON (it holds the PSK, hence secret).
pub async fn download_peer_config(
    engine: &Engine,
    target: &Target,
    connection_id: &str,
) -> Result<Answer<SecretString>, ActionError> {
    let client = aliyun_client(engine, target, HUAWEI_EXPORT).await?;
    let params = vec![
        ("RegionId".to_owned(), target.region.clone()),
        ("VpnConnectionId".to_owned(), connection_id.to_owned()),
    ];
    let r: DownloadVpnConnectionConfigResponse = client
        .call_typed("DownloadVpnConnectionConfig", &params, Retry::Safe)
        .await?;
    let Some(config) = r.vpn_connection_config else {
        return Err(ActionError::Cloud {
            code: "NoConfig".into(),
            message: format!("Alibaba Cloud returned no configuration for {connection_id}"),
            request_id: r.request_id,
            not_found: false,
        });
    };
    let text = serde_json::to_string_pretty(&config).map_err(|e| ActionError::Cloud {
        code: "EncodeError".into(),
        message: format!("the configuration could not be written as JSON: {e}"),
        request_id: r.request_id.clone(),
        not_found: false,
    })?;
    Ok(Answer {
        value: SecretString::from(text),
        request_id: r.request_id,
    })
}

/// A peer configuration as served to an operator.
#[derive(Debug)]
pub struct PeerConfig {
    pub text: SecretString,
    /// Served from the vault (no cloud call was made).
    pub from_vault: bool,
    /// When it was downloaded from the cloud.
    pub fetched_at: DateTime<Utc>,
    /// The cloud's RequestId of that download.
    pub request_id: Option<String>,
}

/// The peer configuration of `connection_id`: the vault's copy while it is fresh, else a new
/// download (kept in the vault for the next caller, with `actor` as who fetched it).
pub async fn peer_config(
    engine: &Engine,
    target: &Target,
    connection_id: &str,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<PeerConfig, ActionError> {
    let key = VaultKey {
        account: target.account,
        region: target.region.clone(),
        connection_id: connection_id.to_owned(),
    };
    match vault::fresh(&engine.pool, &engine.keys, &key, now).await {
        Ok(Some(kept)) => {
            return Ok(PeerConfig {
                text: kept.config,
                from_vault: true,
                fetched_at: kept.fetched_at,
                request_id: kept.request_id,
            })
        }
        Ok(None) => {}
        // Sealed under a key the ring no longer holds: download again and re-seal.
        Err(store::Error::Crypto(e)) => {
            tracing::warn!(error = %e, connection = connection_id, "vaulted peer config unreadable; downloading again");
        }
        Err(e) => return Err(e.into()),
    }
    let got = download_peer_config(engine, target, connection_id).await?;
    vault::keep(
        &engine.pool,
        &engine.keys,
        &key,
        &got.value,
        got.request_id.as_deref(),
        actor,
        now,
    )
    .await?;
    Ok(PeerConfig {
        text: got.value,
        from_vault: false,
        fetched_at: now,
        request_id: got.request_id,
    })
}
