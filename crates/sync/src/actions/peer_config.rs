//! Downloading a connection's peer-side configuration (`DownloadVpnConnectionConfig`,
//! alibaba.md §3.4): what the on-premises device needs, PSK included, as the cloud's JSON.
//! The cloud allows 30 calls per 60 s, so callers keep the result (see
//! `store::peer_config_vault`) rather than ask again.

use super::{aliyun_client, ActionError, Answer, Target};
use crate::engine::Engine;
use aliyun::types::connection::DownloadVpnConnectionConfigResponse;
use aliyun::Retry;
use secrecy::SecretString;

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
