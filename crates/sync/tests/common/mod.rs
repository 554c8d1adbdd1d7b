//! What the sync engine's tests share: an emulator on a loopback port, a key ring, the
//! emulator's accounts registered as gatewatch accounts, and outcome counting.

use emulator::{EmulatorConfig, EmulatorHandle};
use secrecy::SecretString;
use std::collections::BTreeMap;
use std::sync::Arc;
use store::crypto::KeyRing;
use store::model::NewAccount;
use sync::{JobOutcome, Unit};
use uuid::Uuid;

/// Jobs per (account, region): one per unit.
pub const UNITS: usize = Unit::ALL.len();

pub async fn emulator(config: EmulatorConfig) -> EmulatorHandle {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    emulator::spawn(config, listener).await
}

pub fn keys() -> Arc<KeyRing> {
    let path = pgembed::testing::scratch_dir("keys").join("secret.key");
    Arc::new(KeyRing::load_or_create(&path).unwrap())
}

/// Registers the emulator's account `index` as two gatewatch accounts (one per cloud).
pub async fn register(
    pool: &sqlx::PgPool,
    keys: &KeyRing,
    emu: &EmulatorHandle,
    index: usize,
) -> (Uuid, Uuid) {
    let c = &emu.credentials[index];
    let account = |cloud: &str,
                   label: &str,
                   key: &str,
                   secret: &str,
                   regions: Vec<String>,
                   endpoint: &str| NewAccount {
        cloud: cloud.into(),
        name: format!("{} ({label})", c.name),
        access_key_id: key.to_string(),
        secret: SecretString::from(secret.to_string()),
        regions,
        endpoints: BTreeMap::from([("*".to_string(), endpoint.to_string())]),
    };
    let huawei_regions = c.huawei_projects.iter().map(|(r, _)| r.clone()).collect();
    let aliyun = account(
        "aliyun",
        "Alibaba",
        &c.aliyun_access_key_id,
        &c.aliyun_access_key_secret,
        c.aliyun_regions.clone(),
        &emu.aliyun_endpoint,
    );
    let huawei = account(
        "huawei",
        "Huawei",
        &c.huawei_ak,
        &c.huawei_sk,
        huawei_regions,
        &emu.huawei_endpoint,
    );
    let aliyun = store::accounts::create_account(pool, keys, aliyun)
        .await
        .unwrap();
    let huawei = store::accounts::create_account(pool, keys, huawei)
        .await
        .unwrap();
    (aliyun.id, huawei.id)
}

pub fn synced(outcomes: &[JobOutcome]) -> usize {
    outcomes
        .iter()
        .filter(|o| matches!(o, JobOutcome::Synced(_)))
        .count()
}
