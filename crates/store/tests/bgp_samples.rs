//! BGP prefix samples against a real PostgreSQL: counts from the session and its route rows,
//! a row only when counts change, the window's starting value, and retention.

mod common;

use common::{account, db, t};
use serde_json::json;
use store::bgp_samples::{prefix_samples, prune_prefix_samples, record_prefix_samples};
use store::model::{BgpSession, ResourceItem, ResourceKind, Route, RouteSource, Spec, Tunnel};
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

fn route(source: RouteSource, table: &str, destination: &str, next_hop: Option<&str>) -> Route {
    Route {
        source,
        table_id: table.into(),
        destination: destination.into(),
        next_hop: next_hop.map(str::to_owned),
        ..Route::default()
    }
}

#[tokio::test]
async fn sampled_counts_equal_the_prefix_count_view() {
    // Arrange: every way the view matches a route to a session — the next hop is what the
    // session runs over or that thing's parent (a tunnel's connection), no next hop but held
    // by what it runs over, networks advertised from either — and routes that must not count;
    // a session whose own report beats its routes, and one with nothing at all.
    let pool = db().await;
    let acc = account(&pool).await;
    let over_tunnel = ResourceItem::new(
        "bgp-t",
        Spec::BgpSession(BgpSession {
            over_id: Some("tun-1".into()),
            ..BgpSession::default()
        }),
        json!({}),
    );
    let reported = ResourceItem::new(
        "bgp-v",
        Spec::BgpSession(BgpSession {
            over_id: Some("vbr-1".into()),
            advertised: vec!["10.0.0.0/16".into(), "10.1.0.0/16".into()],
            received_count: Some(7),
            ..BgpSession::default()
        }),
        json!({}),
    );
    let idle = ResourceItem::new(
        "bgp-idle",
        Spec::BgpSession(BgpSession {
            over_id: Some("vbr-9".into()),
            ..BgpSession::default()
        }),
        json!({}),
    );
    let sessions = vec![over_tunnel, reported, idle];
    let mut tunnel = ResourceItem::new(
        "tun-1",
        Spec::Tunnel(Tunnel {
            connection_id: "vco-1".into(),
            ..Tunnel::default()
        }),
        json!({}),
    );
    tunnel.parent_id = Some("vco-1".into());
    use RouteSource::{BgpLearned, BgpNetwork, VpcRouteEntry};
    let routes: Vec<ResourceItem> = [
        route(BgpLearned, "vtb-1", "172.16.1.0/24", Some("tun-1")),
        route(BgpLearned, "vtb-1", "172.16.2.0/24", Some("vco-1")),
        route(BgpLearned, "tun-1", "172.16.3.0/24", None),
        route(BgpLearned, "vco-1", "172.16.4.0/24", None),
        route(BgpNetwork, "tun-1", "192.168.1.0/24", None),
        route(BgpNetwork, "vco-1", "192.168.2.0/24", None),
        route(BgpLearned, "vtb-1", "172.17.1.0/24", Some("vbr-1")),
        route(BgpNetwork, "vbr-1", "192.168.3.0/24", None),
        route(VpcRouteEntry, "vtb-1", "172.18.1.0/24", Some("tun-1")),
    ]
    .into_iter()
    .map(|r| ResourceItem::new(r.key(), Spec::Route(r), json!({})))
    .collect();
    for (kind, items) in [
        (ResourceKind::BgpSession, sessions),
        (ResourceKind::Tunnel, vec![tunnel]),
        (ResourceKind::Route, routes),
    ] {
        apply_snapshot(&pool, acc.id, REGION, kind, items, t(1))
            .await
            .unwrap();
    }

    // Act
    let written = record_prefix_samples(&pool, acc.id, REGION, t(1))
        .await
        .unwrap();

    // Assert: one sample per session, each equal to the view's counts.
    let view: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT session_id, advertised, learned FROM bgp_session_prefix_count \
         WHERE account_id = $1 ORDER BY session_id",
    )
    .bind(acc.id)
    .fetch_all(&pool)
    .await
    .unwrap();
    let sampled: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT cloud_id, advertised, learned FROM bgp_prefix_sample \
         WHERE account_id = $1 ORDER BY cloud_id",
    )
    .bind(acc.id)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(written, 3);
    assert_eq!(sampled, view);
    assert_eq!(
        view,
        vec![
            ("bgp-idle".to_string(), 0, 0),
            ("bgp-t".to_string(), 2, 3),
            ("bgp-v".to_string(), 2, 7),
        ],
        "the view itself counts what its definition says"
    );
}
