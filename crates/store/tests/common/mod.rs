//! Shared helpers of the store's integration tests: a fresh migrated database per test and
//! a ready account.
#![allow(dead_code)]

use base64::Engine;
use chrono::{DateTime, TimeZone, Utc};
use secrecy::SecretString;
use sqlx::PgPool;
use std::collections::BTreeMap;
use store::crypto::KeyRing;
use store::model::{Account, NewAccount};

pub async fn db() -> PgPool {
    pgembed::testing::fresh_database(&store::MIGRATOR).await
}

pub fn keys(byte: u8) -> KeyRing {
    KeyRing::from_base64(&base64::engine::general_purpose::STANDARD.encode([byte; 32])).unwrap()
}

pub fn new_account(name: &str, secret: &str) -> NewAccount {
    NewAccount {
        cloud: "aliyun".into(),
        name: name.into(),
        access_key_id: "LTAI-test-id".into(),
        secret: SecretString::from(secret.to_owned()),
        regions: vec!["cn-hangzhou".into()],
        endpoints: BTreeMap::new(),
    }
}

pub async fn account(pool: &PgPool) -> Account {
    store::accounts::create_account(pool, &keys(9), new_account("main", "sk-secret"))
        .await
        .unwrap()
}

pub fn t(hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, hour, 0, 0).unwrap()
}
