//! Revealing a connection's pre-shared key. Alibaba returns it in clear in
//! `DescribeVpnConnection` (`IkeConfig.Psk`, and per tunnel `TunnelIkeConfig.Psk` on
//! dual-tunnel gateways, alibaba.md §3.4); Huawei never returns it (huawei.md §3.7).

use super::{aliyun_client, ActionError, Answer, Target};
use crate::engine::Engine;
use aliyun::types::connection::{DescribeVpnConnectionsResponse, VpnConnection};
use aliyun::Retry;
use secrecy::SecretString;

const HUAWEI_PSK: &str = "Huawei Cloud never returns a connection's pre-shared key \
     (it can only be set, not read back); look it up where it was set";

/// One key: of the connection, or of one of its tunnels. Deliberately not `Serialize`.
#[derive(Debug)]
pub struct PresharedKey {
    /// `connection`, or `tunnel <id> (<role>)`.
    pub scope: String,
    pub value: SecretString,
}

fn keys_of(c: &VpnConnection) -> Vec<PresharedKey> {
    let mut out = Vec::new();
    let set = |k: &Option<aliyun::Sensitive>| k.as_ref().filter(|k| k.is_set()).cloned();
    if let Some(psk) = c.ike_config.as_ref().and_then(|i| set(&i.psk)) {
        out.push(PresharedKey {
            scope: "connection".into(),
            value: SecretString::from(psk.expose().to_owned()),
        });
    }
    let tunnels = c.tunnel_options_specification.iter().flat_map(|t| &t.items);
    for t in tunnels {
        if let Some(psk) = t.tunnel_ike_config.as_ref().and_then(|i| set(&i.psk)) {
            let id = t.tunnel_id.as_deref().unwrap_or("?");
            let scope = match t.role.as_deref() {
                Some(role) => format!("tunnel {id} ({role})"),
                None => format!("tunnel {id}"),
            };
            out.push(PresharedKey {
                scope,
                value: SecretString::from(psk.expose().to_owned()),
            });
        }
    }
    out
}

/// The pre-shared key(s) of `connection_id`, read from the cloud now (never from the store,
/// which only keeps them redacted).
pub async fn reveal_psk(
    engine: &Engine,
    target: &Target,
    connection_id: &str,
) -> Result<Answer<Vec<PresharedKey>>, ActionError> {
    let client = aliyun_client(engine, target, HUAWEI_PSK).await?;
    let params = vec![
        ("RegionId".to_owned(), target.region.clone()),
        ("VpnConnectionId".to_owned(), connection_id.to_owned()),
    ];
    let v = aliyun::response::unwrap_envelope(
        client
            .request("DescribeVpnConnection", &params, Retry::Safe)
            .await?,
    );
    let request_id = v
        .get("RequestId")
        .and_then(|r| r.as_str())
        .map(str::to_owned);
    let decode = |e: serde_json::Error| ActionError::Cloud {
        code: "DecodeError".into(),
        message: format!("Alibaba Cloud's answer could not be read: {e}"),
        request_id: request_id.clone(),
        not_found: false,
    };
    // Older documents wrap the single connection in a list (alibaba.md §3.4): accept both.
    let connection = if v.get("VpnConnections").is_some() {
        let list: DescribeVpnConnectionsResponse = serde_json::from_value(v).map_err(decode)?;
        list.vpn_connections.items.into_iter().next()
    } else {
        Some(serde_json::from_value(v).map_err(decode)?)
    };
    let keys = connection.as_ref().map(keys_of).unwrap_or_default();
    if keys.is_empty() {
        return Err(ActionError::Cloud {
            code: "NoPsk".into(),
            message: format!("Alibaba Cloud returned no pre-shared key for {connection_id}"),
            request_id,
            not_found: false,
        });
    }
    Ok(Answer {
        value: keys,
        request_id,
    })
}
