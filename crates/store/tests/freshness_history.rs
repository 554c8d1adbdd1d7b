//! Freshness bookkeeping, flap counts and retention against a real PostgreSQL.

mod common;

use chrono::Duration;
use common::{account, db, t};
use serde_json::json;
use store::freshness::{freshness, record_attempt, record_failure, record_success, SyncKey};
use store::history::{changes_since, flap_count, prune_history, transitions};
use store::model::{
    Facet, HealthCheck, ResourceItem, ResourceKind, ResourceRef, Spec, State, StateValue,
};
use store::sync_write::apply_snapshot;

#[tokio::test]
async fn freshness_records_and_stale_flag() {
    let pool = db().await;
    let acc = account(&pool).await;
    let key = SyncKey {
        account_id: acc.id,
        region: "cn-hangzhou".into(),
        kind: ResourceKind::Connection,
    };
    let other = SyncKey {
        kind: ResourceKind::Route,
        ..key.clone()
    };
    record_attempt(&pool, &key, t(1)).await.unwrap();
    record_success(&pool, &key, t(1), t(2)).await.unwrap();
    record_attempt(&pool, &other, t(1)).await.unwrap();
    record_failure(&pool, &other, t(1), Some("Throttling"), "slow down", t(3))
        .await
        .unwrap();
    record_failure(&pool, &other, t(2), Some("Throttling"), "again", t(4))
        .await
        .unwrap();

    let rows = freshness(
        &pool,
        Some(acc.id),
        t(1) + Duration::minutes(5),
        Duration::minutes(10),
    )
    .await
    .unwrap();
    assert_eq!(rows.len(), 2);
    let conn = rows.iter().find(|r| r.key == key).unwrap();
    assert!(!conn.stale);
    assert_eq!(
        (conn.last_success_at, conn.next_due_at),
        (Some(t(1)), Some(t(2)))
    );
    let route = rows.iter().find(|r| r.key == other).unwrap();
    assert!(route.stale, "never succeeded");
    assert_eq!(route.consecutive_failures, 2);
    let err = route.last_error.as_ref().unwrap();
    assert_eq!(
        (err.code.as_deref(), err.message.as_deref()),
        (Some("Throttling"), Some("again"))
    );

    // An hour later the successful key is stale too.
    let later = freshness(&pool, None, t(2), Duration::minutes(10))
        .await
        .unwrap();
    assert!(later.iter().all(|r| r.stale));
}

fn probe(state: State, raw: &str) -> ResourceItem {
    let mut it = ResourceItem::new(
        "vco-1",
        Spec::HealthCheck(HealthCheck {
            connection_id: Some("vco-1".into()),
            ..HealthCheck::default()
        }),
        json!({}),
    );
    it.state = StateValue::new(state, Some(raw));
    it.facets.insert(Facet::Health, it.state.clone());
    it
}

#[tokio::test]
async fn flap_count_and_retention() {
    let pool = db().await;
    let acc = account(&pool).await;
    let kind = ResourceKind::HealthCheck;
    // up, down, up, down, up at hours 1..=5: four flaps of each of main and health.
    for h in 1..=5u32 {
        let (s, raw) = if h % 2 == 1 {
            (State::Up, "success")
        } else {
            (State::Down, "failed")
        };
        apply_snapshot(&pool, acc.id, "r1", kind, vec![probe(s, raw)], t(h))
            .await
            .unwrap();
    }
    let key = ResourceRef {
        account_id: acc.id,
        region: "r1".into(),
        kind,
        cloud_id: "vco-1".into(),
    };
    assert_eq!(
        flap_count(&pool, &key, Some("health"), t(0), t(6))
            .await
            .unwrap(),
        4
    );
    assert_eq!(flap_count(&pool, &key, None, t(0), t(6)).await.unwrap(), 8);
    assert_eq!(
        flap_count(&pool, &key, Some("health"), t(3), t(5))
            .await
            .unwrap(),
        2
    );

    // A gone resource and old history are pruned; recent history stays.
    apply_snapshot(&pool, acc.id, "r1", kind, vec![], t(6))
        .await
        .unwrap();
    let none = prune_history(&pool, t(3)).await.unwrap();
    assert_eq!((none.transitions, none.gone_resources), (2, 0));
    assert_eq!(transitions(&pool, &key, t(0)).await.unwrap().len(), 6);
    let report = prune_history(&pool, t(7)).await.unwrap();
    assert_eq!((report.transitions, report.gone_resources), (6, 1));
    assert!(changes_since(&pool, None, t(0)).await.unwrap().is_empty());
    assert!(store::read::get_resource(&pool, &key)
        .await
        .unwrap()
        .is_none());
}
