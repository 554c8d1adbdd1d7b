//! The vault on a real PostgreSQL: sealed at rest, served while fresh, refused after a
//! configuration change or past its age, and bound to its connection.

use super::*;
use crate::model::{Connection, NewAccount, ResourceItem, ResourceKind, Spec};
use crate::sync_write::apply_snapshot;
use chrono::TimeZone;
use secrecy::ExposeSecret;
use serde_json::json;
use std::collections::BTreeMap;

const REGION: &str = "cn-hangzhou";
const CONFIG: &str = r#"{"IkeConfig":{"Psk":"vault-test-psk-123"}}"#;

fn t(hour: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 0, 0, 0).unwrap() + Duration::hours(hour)
}

fn ring() -> KeyRing {
    KeyRing::from_base64(&format!("1:{}", "B".repeat(42) + "E=")).unwrap()
}

fn connection(lifetime: u64) -> ResourceItem {
    let mut ipsec = serde_json::Map::new();
    ipsec.insert("lifetime".into(), json!(lifetime));
    ResourceItem::new(
        "vco-vault",
        Spec::Connection(Connection {
            ipsec,
            ..Connection::default()
        }),
        json!({"VpnConnectionId": "vco-vault"}),
    )
}

async fn setup() -> (PgPool, VaultKey) {
    let pool = pgembed::testing::fresh_database(&crate::MIGRATOR).await;
    let account = crate::accounts::create_account(
        &pool,
        &ring(),
        NewAccount {
            cloud: "aliyun".into(),
            name: "vault".into(),
            access_key_id: "LTAI-vault".into(),
            secret: SecretString::from("sk".to_owned()),
            regions: vec![REGION.into()],
            endpoints: BTreeMap::new(),
        },
    )
    .await
    .unwrap();
    let key = VaultKey {
        account: account.id,
        region: REGION.into(),
        connection_id: "vco-vault".into(),
    };
    (pool, key)
}

async fn sync_connection(pool: &PgPool, key: &VaultKey, lifetime: u64, at: DateTime<Utc>) {
    apply_snapshot(
        pool,
        key.account,
        REGION,
        ResourceKind::Connection,
        vec![connection(lifetime)],
        at,
    )
    .await
    .unwrap();
}

async fn keep_config(pool: &PgPool, key: &VaultKey, at: DateTime<Utc>) {
    let config = SecretString::from(CONFIG.to_owned());
    keep(pool, &ring(), key, &config, Some("REQ-1"), "olga", at)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_kept_config_is_sealed_and_served_while_fresh() {
    // Arrange
    let (pool, key) = setup().await;
    sync_connection(&pool, &key, 3600, t(0)).await;
    assert!(fresh(&pool, &ring(), &key, t(0)).await.unwrap().is_none());
    // Act
    keep_config(&pool, &key, t(1)).await;
    let kept = fresh(&pool, &ring(), &key, t(2)).await.unwrap().unwrap();
    // Assert
    assert_eq!(kept.config.expose_secret(), CONFIG);
    assert_eq!((kept.fetched_by.as_str(), kept.fetched_at), ("olga", t(1)));
    assert_eq!(kept.request_id.as_deref(), Some("REQ-1"));
    let stored: Vec<u8> = sqlx::query_scalar("SELECT ciphertext FROM peer_config_vault")
        .fetch_one(&pool)
        .await
        .unwrap();
    let text = String::from_utf8_lossy(&stored);
    assert!(!text.contains("vault-test-psk-123"), "the PSK is sealed");
    // A state-only sync (same attrs) keeps it fresh.
    sync_connection(&pool, &key, 3600, t(3)).await;
    assert!(fresh(&pool, &ring(), &key, t(4)).await.unwrap().is_some());
}

#[tokio::test]
async fn a_config_change_in_the_store_or_age_makes_it_stale() {
    let (pool, key) = setup().await;
    sync_connection(&pool, &key, 3600, t(0)).await;
    keep_config(&pool, &key, t(1)).await;
    assert!(
        fresh(&pool, &ring(), &key, t(1) + MAX_AGE - Duration::seconds(1))
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        fresh(&pool, &ring(), &key, t(1) + MAX_AGE)
            .await
            .unwrap()
            .is_none(),
        "older than the maximum age"
    );
    // The crawl sees another IPsec lifetime: the connection was reconfigured.
    sync_connection(&pool, &key, 28800, t(2)).await;
    assert!(fresh(&pool, &ring(), &key, t(3)).await.unwrap().is_none());
    // A new download replaces it and is fresh again.
    keep_config(&pool, &key, t(4)).await;
    assert!(fresh(&pool, &ring(), &key, t(5)).await.unwrap().is_some());
    let rows: i64 = sqlx::query_scalar("SELECT count(*) FROM peer_config_vault")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(rows, 1);
}

#[tokio::test]
async fn a_sealed_config_opens_only_for_its_own_connection() {
    let (pool, key) = setup().await;
    keep_config(&pool, &key, t(1)).await;
    // Copy the sealed row onto another connection: the associated data no longer matches.
    sqlx::query(
        "INSERT INTO peer_config_vault SELECT account_id, region, 'vco-other', key_version, \
         nonce, ciphertext, config_digest, request_id, fetched_at, fetched_by FROM peer_config_vault",
    )
    .execute(&pool)
    .await
    .unwrap();
    let other = VaultKey {
        connection_id: "vco-other".into(),
        ..key.clone()
    };
    let err = fresh(&pool, &ring(), &other, t(2)).await.unwrap_err();
    assert!(matches!(err, crate::Error::Crypto(_)), "{err}");
    // And another key ring cannot open the original.
    let wrong = KeyRing::from_base64(&format!("1:{}", "C".repeat(42) + "E=")).unwrap();
    assert!(fresh(&pool, &wrong, &key, t(2)).await.is_err());
}
