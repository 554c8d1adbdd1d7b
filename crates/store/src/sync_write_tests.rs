//! Bulk snapshots against a real PostgreSQL: thousands of rows apply and re-apply with one
//! generation step each and the same counts, history and redaction as a small snapshot.

use super::apply_snapshot;
use crate::crypto::KeyRing;
use crate::model::Tunnel;
use crate::model::{
    Facet, NewAccount, ResourceItem, ResourceKind, ResourceRef, Spec, State, StateValue,
};
use crate::read;
use chrono::{DateTime, TimeZone, Utc};
use secrecy::SecretString;
use serde_json::json;
use sqlx::PgPool;
use std::collections::BTreeMap;
use uuid::Uuid;

const N: usize = 5000;
const REGION: &str = "cn-hangzhou";
const KIND: ResourceKind = ResourceKind::Tunnel;

fn t(hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, hour, 0, 0).unwrap()
}

fn tunnel(i: usize) -> ResourceItem {
    let id = format!("tun-{i:05}");
    let mut it = ResourceItem::new(
        id.clone(),
        Spec::Tunnel(Tunnel {
            connection_id: format!("vco-{}", i / 2),
            role: Some(["master", "slave"][i % 2].into()),
            ..Tunnel::default()
        }),
        json!({"TunnelId": id, "Status": "ipsec_sa_established", "Psk": "very-secret-psk"}),
    );
    it.name = Some(format!("tunnel {i}"));
    it.parent_id = Some(format!("vco-{}", i / 2));
    it.state = StateValue::new(State::Up, Some("ipsec_sa_established"));
    it.facets
        .insert(Facet::Bgp, StateValue::new(State::Up, Some("success")));
    it
}

async fn setup() -> (PgPool, Uuid) {
    let pool = pgembed::testing::fresh_database(&crate::MIGRATOR).await;
    let keys = KeyRing::from_base64(&format!("1:{}", "A".repeat(43) + "=")).unwrap();
    let account = crate::accounts::create_account(
        &pool,
        &keys,
        NewAccount {
            cloud: "aliyun".into(),
            name: "bulk".into(),
            access_key_id: "LTAI-test-id".into(),
            secret: SecretString::from("sk-secret".to_owned()),
            regions: vec![REGION.into()],
            endpoints: BTreeMap::new(),
        },
    )
    .await
    .unwrap();
    (pool, account.id)
}

async fn count(pool: &PgPool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
}

#[tokio::test]
async fn five_thousand_items_apply_and_reapply() {
    let (pool, acc) = setup().await;
    let all: Vec<_> = (0..N).map(tunnel).collect();

    let r1 = apply_snapshot(&pool, acc, REGION, KIND, all.clone(), t(1))
        .await
        .unwrap();
    assert_eq!(
        (r1.generation, r1.added, r1.changed, r1.gone, r1.unchanged),
        (1, N, 0, 0, 0)
    );
    let current = read::current_resources(&pool, acc, REGION, KIND)
        .await
        .unwrap();
    assert_eq!(current.len(), N);
    assert!(current.iter().all(|r| r.raw["Psk"] == "******"));
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM config_change WHERE change = 'added'"
        )
        .await,
        N as i64
    );

    // The same picture: no row is written at all, and every one is current under
    // generation 2, seen at t(2).
    let versions = "SELECT string_agg(xmin::text, ',' ORDER BY cloud_id) FROM resource";
    let before: String = sqlx::query_scalar(versions).fetch_one(&pool).await.unwrap();
    let r2 = apply_snapshot(&pool, acc, REGION, KIND, all.clone(), t(2))
        .await
        .unwrap();
    assert_eq!(
        (r2.generation, r2.added, r2.changed, r2.gone, r2.unchanged),
        (2, 0, 0, 0, N)
    );
    let current = read::current_resources(&pool, acc, REGION, KIND)
        .await
        .unwrap();
    assert_eq!(current.len(), N);
    assert!(current.iter().all(|r| r.generation == 2
        && r.last_seen_at == t(2)
        && (r.first_seen_at, r.changed_at, r.state_since) == (t(1), t(1), t(1))));
    let after: String = sqlx::query_scalar(versions).fetch_one(&pool).await.unwrap();
    assert!(before == after, "an unchanged snapshot rewrote stored rows");

    // 50 gone, 100 down, 50 renamed, 10 with only a new reason (not a change, but stored),
    // 10 new.
    let mut third: Vec<_> = all[50..].to_vec();
    for it in &mut third[..100] {
        it.state = StateValue::new(State::Down, Some("ike_sa_not_established"));
    }
    for it in &mut third[100..150] {
        it.name = Some(format!("{} renamed", it.cloud_id));
    }
    for it in &mut third[150..160] {
        it.state = it.state.clone().with_reason(Some("maintenance window"));
    }
    // 10 whose payload alone moved (a counter): not a change either, but stored.
    for it in &mut third[160..170] {
        it.raw["BytesIn"] = json!(4096);
    }
    third.extend((N..N + 10).map(tunnel));
    let r3 = apply_snapshot(&pool, acc, REGION, KIND, third, t(3))
        .await
        .unwrap();
    assert_eq!(
        (
            r3.generation,
            r3.added,
            r3.changed,
            r3.gone,
            r3.unchanged,
            r3.transitions
        ),
        (3, 10, 150, 50, N - 200, 100)
    );
    assert_eq!(
        read::generation(&pool, acc, REGION, KIND).await.unwrap(),
        Some(3)
    );
    let current = read::current_resources(&pool, acc, REGION, KIND)
        .await
        .unwrap();
    assert_eq!(current.len(), N - 50 + 10);
    let by_id = |i: usize| {
        current
            .iter()
            .find(|r| r.key.cloud_id == format!("tun-{i:05}"))
            .unwrap()
    };
    let down = by_id(50);
    assert_eq!((down.state.state, down.state_since), (State::Down, t(3)));
    let renamed = by_id(150);
    assert_eq!((renamed.changed_at, renamed.state_since), (t(3), t(1)));
    let reason = by_id(200);
    assert_eq!(reason.state.reason.as_deref(), Some("maintenance window"));
    assert_eq!(reason.changed_at, t(1));
    let counter = by_id(210);
    assert_eq!(
        (counter.raw["BytesIn"].clone(), counter.changed_at),
        (json!(4096), t(1))
    );
    assert_eq!(by_id(N).first_seen_at, t(3));
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM state_transition WHERE generation = 3"
        )
        .await,
        100
    );
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM config_change WHERE generation = 3 AND change = 'removed'"
        )
        .await,
        50
    );
    assert_eq!(
        count(
            &pool,
            "SELECT count(*) FROM resource WHERE gone_at = '2026-11-25T03:00:00Z'"
        )
        .await,
        50
    );
    // A gone row keeps the last snapshot it was in (generation 2, seen at t(2)), though the
    // unchanged snapshot of t(2) never wrote it.
    let gone = read::get_resource(
        &pool,
        &ResourceRef {
            account_id: acc,
            region: REGION.into(),
            kind: KIND,
            cloud_id: "tun-00000".into(),
        },
    )
    .await
    .unwrap()
    .unwrap();
    assert_eq!(
        (gone.generation, gone.last_seen_at, gone.gone_at),
        (2, t(2), Some(t(3)))
    );
    // A present one that was not written since t(1) reads as seen in the last snapshot.
    let kept = read::get_resource(
        &pool,
        &ResourceRef {
            account_id: acc,
            region: REGION.into(),
            kind: KIND,
            cloud_id: format!("tun-{:05}", N - 1),
        },
    )
    .await
    .unwrap()
    .unwrap();
    assert_eq!((kept.generation, kept.last_seen_at), (3, t(3)));
}
