//! Demo mode: the built-in emulator of both clouds, started inside the server on a loopback
//! port, so a new installation has a living estate to show before any real account exists.

use crate::config::DemoSettings;
use app::api::system::DemoCloud;
use emulator::{EmulatorConfig, EmulatorHandle};

pub struct Demo {
    pub handle: EmulatorHandle,
    pub info: DemoCloud,
}

pub async fn start(settings: &DemoSettings) -> Result<Demo, String> {
    let size = crate::emulator_cmd::parse_size(&settings.size)?;
    // Loopback only, any free port: the emulator is for this server, not for the network.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|e| format!("cannot bind a loopback port ({e})"))?;
    let handle = emulator::spawn(EmulatorConfig::new(settings.seed, size), listener).await;
    let info = DemoCloud {
        base_url: handle.base_url.clone(),
        seed: settings.seed,
        accounts: size.accounts,
        connections_per_cloud: size.connections(),
    };
    tracing::info!(url = %info.base_url, accounts = info.accounts, connections = info.connections_per_cloud,
        "built-in cloud emulator (demo estate) is running");
    Ok(Demo { handle, info })
}

/// Makes sure every demo account of the emulator is a gatewatch account (one per cloud),
/// pointing at this run's emulator port (which changes between runs).
pub async fn ensure_accounts(
    pool: &sqlx::PgPool,
    keys: &store::crypto::KeyRing,
    handle: &EmulatorHandle,
) -> Result<(), store::Error> {
    use secrecy::SecretString;
    use std::collections::BTreeMap;
    let existing = store::accounts::list_accounts(pool).await?;
    for c in &handle.credentials {
        let wanted = [
            (
                "aliyun",
                format!("Demo {} (Alibaba)", c.name),
                &c.aliyun_access_key_id,
                &c.aliyun_access_key_secret,
                c.aliyun_regions.clone(),
                handle.aliyun_endpoint.clone(),
            ),
            (
                "huawei",
                format!("Demo {} (Huawei)", c.name),
                &c.huawei_ak,
                &c.huawei_sk,
                c.huawei_projects.iter().map(|(r, _)| r.clone()).collect(),
                handle.huawei_endpoint.clone(),
            ),
        ];
        for (cloud, name, key_id, secret, regions, endpoint) in wanted {
            let endpoints = BTreeMap::from([("*".to_string(), endpoint)]);
            match existing.iter().find(|a| a.name == name) {
                Some(account) if account.endpoints != endpoints => {
                    let update = store::model::AccountUpdate {
                        endpoints: Some(endpoints),
                        ..Default::default()
                    };
                    store::accounts::update_account(pool, keys, account.id, update).await?;
                }
                Some(_) => {}
                None => {
                    let new = store::model::NewAccount {
                        cloud: cloud.into(),
                        name,
                        access_key_id: key_id.clone(),
                        secret: SecretString::from(secret.clone()),
                        regions,
                        endpoints,
                    };
                    store::accounts::create_account(pool, keys, new).await?;
                }
            }
        }
    }
    Ok(())
}
