//! BGP prefix samples against a real PostgreSQL: counts from the session and its route rows,
//! a row only when counts change, the window's starting value, and retention.

mod common;

use common::{account, db, t};
use serde_json::json;
use store::bgp_samples::{prefix_samples, prune_prefix_samples, record_prefix_samples};
use store::model::{BgpSession, ResourceItem, ResourceKind, Route, RouteSource, Spec};
use store::sync_write::apply_snapshot;

const REGION: &str = "cn-hangzhou";

fn session(advertised: &[&str]) -> ResourceItem {
    let spec = Spec::BgpSession(BgpSession {
        over_id: Some("vbr-1".into()),
        advertised: advertised.iter().map(|s| s.to_string()).collect(),
        ..BgpSession::default()
    });
    ResourceItem::new("bgp-1", spec, json!({}))
}

fn learned(destination: &str, next_hop: &str) -> ResourceItem {
    let route = Route {
        source: RouteSource::BgpLearned,
        table_id: "vtb-1".into(),
        destination: destination.into(),
        next_hop: Some(next_hop.into()),
        ..Route::default()
    };
    ResourceItem::new(route.key(), Spec::Route(route), json!({}))
}

#[tokio::test]
async fn samples_follow_changes_only_and_survive_pruning_as_the_current_value() {
    // Arrange: one session over vbr-1 advertising one prefix; one route learned over it and
    // one over something else.
    let pool = db().await;
    let acc = account(&pool).await;
    let sessions = |adv: &[&str]| vec![session(adv)];
    apply_snapshot(
        &pool,
        acc.id,
        REGION,
        ResourceKind::BgpSession,
        sessions(&["10.0.0.0/16"]),
        t(1),
    )
    .await
    .unwrap();
    let routes = vec![
        learned("172.16.0.0/24", "vbr-1"),
        learned("172.17.0.0/24", "vbr-2"),
    ];
    apply_snapshot(&pool, acc.id, REGION, ResourceKind::Route, routes, t(1))
        .await
        .unwrap();

    // Act: sample three times; only the first and the changed third write.
    let first = record_prefix_samples(&pool, acc.id, REGION, t(1))
        .await
        .unwrap();
    let same = record_prefix_samples(&pool, acc.id, REGION, t(2))
        .await
        .unwrap();
    apply_snapshot(
        &pool,
        acc.id,
        REGION,
        ResourceKind::BgpSession,
        sessions(&["10.0.0.0/16", "10.1.0.0/16"]),
        t(3),
    )
    .await
    .unwrap();
    let changed = record_prefix_samples(&pool, acc.id, REGION, t(3))
        .await
        .unwrap();

    // Assert
    assert_eq!((first, same, changed), (1, 0, 1));
    let all = prefix_samples(&pool, acc.id, REGION, "bgp-1", t(0))
        .await
        .unwrap();
    let counts: Vec<_> = all
        .iter()
        .map(|s| (s.at, s.advertised, s.learned))
        .collect();
    assert_eq!(
        counts,
        vec![(t(1), 1, 1), (t(3), 2, 1)],
        "learned counts only the route over vbr-1"
    );
    let from_two = prefix_samples(&pool, acc.id, REGION, "bgp-1", t(2))
        .await
        .unwrap();
    assert_eq!(
        from_two.first().map(|s| s.at),
        Some(t(1)),
        "the value in force at the window start comes first"
    );

    // Retention keeps the newest sample before the cutoff, deletes older ones.
    assert_eq!(prune_prefix_samples(&pool, t(4)).await.unwrap(), 1);
    let kept = prefix_samples(&pool, acc.id, REGION, "bgp-1", t(0))
        .await
        .unwrap();
    assert_eq!(kept.iter().map(|s| s.at).collect::<Vec<_>>(), vec![t(3)]);
}
