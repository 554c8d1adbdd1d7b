//! Snapshot application against a real PostgreSQL: generations, transitions, diffs, gone
//! marking, and that a failed apply leaves the previous generation whole.

mod common;

use common::{account, db, t};
use serde_json::json;
use store::model::{
    Connection, CustomerGateway, Facet, ResourceItem, ResourceKind, ResourceRef, Spec, State,
    StateValue, Tunnel,
};
use store::{history, read, sync_write::apply_snapshot};

fn tunnel(id: &str, raw_state: &str, state: State, role: &str) -> ResourceItem {
    let mut it = ResourceItem::new(
        id,
        Spec::Tunnel(Tunnel {
            connection_id: "vco-1".into(),
            role: Some(role.into()),
            ..Tunnel::default()
        }),
        json!({"TunnelId": id, "Status": raw_state, "Psk": "very-secret-psk"}),
    );
    it.parent_id = Some("vco-1".into());
    it.state = StateValue::new(state, Some(raw_state));
    it.facets
        .insert(Facet::Bgp, StateValue::new(State::Up, Some("success")));
    it
}

#[tokio::test]
async fn second_snapshot_records_transition_diff_gone_and_bumps_generation() {
    let pool = db().await;
    let acc = account(&pool).await;
    let kind = ResourceKind::Tunnel;
    let first = vec![
        tunnel("tun-a", "ipsec_sa_established", State::Up, "master"),
        tunnel("tun-b", "ipsec_sa_established", State::Up, "slave"),
    ];
    let r1 = apply_snapshot(&pool, acc.id, "cn-hangzhou", kind, first, t(1))
        .await
        .unwrap();
    assert_eq!((r1.generation, r1.added, r1.changed, r1.gone), (1, 2, 0, 0));

    // tun-a goes down with a reason and changes role; tun-b disappears; tun-c is new.
    let mut a = tunnel("tun-a", "ike_sa_not_established", State::Down, "slave");
    a.state = a.state.with_reason(Some("peer not responding"));
    let second = vec![
        a,
        tunnel("tun-c", "ike_sa_established", State::Partial, "master"),
    ];
    let r2 = apply_snapshot(&pool, acc.id, "cn-hangzhou", kind, second, t(2))
        .await
        .unwrap();
    assert_eq!(
        (
            r2.generation,
            r2.added,
            r2.changed,
            r2.gone,
            r2.unchanged,
            r2.transitions
        ),
        (2, 1, 1, 1, 0, 1)
    );
    assert_eq!(
        read::generation(&pool, acc.id, "cn-hangzhou", kind)
            .await
            .unwrap(),
        Some(2)
    );

    let current = read::current_resources(&pool, acc.id, "cn-hangzhou", kind)
        .await
        .unwrap();
    let ids: Vec<_> = current.iter().map(|r| r.key.cloud_id.as_str()).collect();
    assert_eq!(ids, vec!["tun-a", "tun-c"]);
    let a = &current[0];
    assert_eq!(a.state.state, State::Down);
    assert_eq!(a.state.reason.as_deref(), Some("peer not responding"));
    assert_eq!((a.state_since, a.first_seen_at), (t(2), t(1)));
    // The stored payload had its PSK blanked.
    assert_eq!(a.raw["Psk"], "******");

    let key_b = ResourceRef {
        account_id: acc.id,
        region: "cn-hangzhou".into(),
        kind,
        cloud_id: "tun-b".into(),
    };
    let b = read::get_resource(&pool, &key_b).await.unwrap().unwrap();
    assert_eq!(b.gone_at, Some(t(2)));

    let key_a = ResourceRef {
        cloud_id: "tun-a".into(),
        ..key_b.clone()
    };
    let trans = history::transitions(&pool, &key_a, t(0)).await.unwrap();
    assert_eq!(trans.len(), 1);
    assert_eq!(trans[0].facet, "main");
    assert_eq!(trans[0].old_state.as_deref(), Some("up"));
    assert_eq!(trans[0].new_raw.as_deref(), Some("ike_sa_not_established"));
    assert_eq!(trans[0].reason.as_deref(), Some("peer not responding"));

    let changes = history::changes_since(&pool, Some(acc.id), t(2))
        .await
        .unwrap();
    let mut summary: Vec<_> = changes
        .iter()
        .map(|c| (c.key.cloud_id.as_str(), c.change.as_str()))
        .collect();
    summary.sort();
    assert_eq!(
        summary,
        vec![
            ("tun-a", "changed"),
            ("tun-b", "removed"),
            ("tun-c", "added")
        ]
    );
    let diff = &changes
        .iter()
        .find(|c| c.change == "changed")
        .unwrap()
        .fields;
    assert_eq!(diff.len(), 1);
    assert_eq!(diff[0].path, "attrs.role");

    // Same picture again: nothing changes but the generation.
    let a2 = current[0].clone();
    let mut again = tunnel("tun-a", "ike_sa_not_established", State::Down, "slave");
    again.state = a2.state.clone();
    let c = tunnel("tun-c", "ike_sa_established", State::Partial, "master");
    let r3 = apply_snapshot(&pool, acc.id, "cn-hangzhou", kind, vec![again, c], t(3))
        .await
        .unwrap();
    assert_eq!(
        (r3.generation, r3.unchanged, r3.changed, r3.transitions),
        (3, 2, 0, 0)
    );
}

fn cgw(id: &str, name: &str) -> ResourceItem {
    let mut it = ResourceItem::new(
        id,
        Spec::CustomerGateway(CustomerGateway {
            ip_address: Some("203.0.113.9".into()),
            asn: Some(65000),
            ..CustomerGateway::default()
        }),
        json!({"CustomerGatewayId": id}),
    );
    it.name = Some(name.into());
    it
}

#[tokio::test]
async fn failed_apply_leaves_previous_generation_whole() {
    let pool = db().await;
    let acc = account(&pool).await;
    let kind = ResourceKind::CustomerGateway;
    apply_snapshot(
        &pool,
        acc.id,
        "cn-hangzhou",
        kind,
        vec![cgw("cgw-1", "old")],
        t(1),
    )
    .await
    .unwrap();
    // The second item holds a NUL byte, which PostgreSQL text refuses: the first item's
    // upsert has already run inside the transaction when this one fails.
    let bad = vec![cgw("cgw-1", "new"), cgw("cgw-2", "bad\0name")];
    let err = apply_snapshot(&pool, acc.id, "cn-hangzhou", kind, bad, t(2)).await;
    assert!(matches!(err, Err(store::Error::Db(_))), "{err:?}");

    assert_eq!(
        read::generation(&pool, acc.id, "cn-hangzhou", kind)
            .await
            .unwrap(),
        Some(1)
    );
    let current = read::current_resources(&pool, acc.id, "cn-hangzhou", kind)
        .await
        .unwrap();
    assert_eq!(current.len(), 1);
    assert_eq!(current[0].name.as_deref(), Some("old"));
    assert_eq!(current[0].generation, 1);
    assert!(history::changes_since(&pool, None, t(2))
        .await
        .unwrap()
        .is_empty());

    // Sites merge customer gateways of different accounts by public IP.
    let other = store::accounts::create_account(
        &pool,
        &common::keys(9),
        common::new_account("second", "x"),
    )
    .await
    .unwrap();
    apply_snapshot(
        &pool,
        other.id,
        "eu-central-1",
        kind,
        vec![cgw("cgw-9", "hq")],
        t(2),
    )
    .await
    .unwrap();
    let sites = read::list_sites(&pool).await.unwrap();
    assert_eq!(sites.len(), 1);
    assert_eq!(sites[0].key, "ip:203.0.113.9");
    assert_eq!(sites[0].members.len(), 2);
}

#[tokio::test]
async fn bad_snapshots_are_rejected_up_front() {
    let pool = db().await;
    let acc = account(&pool).await;
    let wrong_kind = ResourceItem::new("vco-1", Spec::Connection(Connection::default()), json!({}));
    let err = apply_snapshot(
        &pool,
        acc.id,
        "r",
        ResourceKind::Tunnel,
        vec![wrong_kind],
        t(1),
    )
    .await
    .unwrap_err();
    assert!(matches!(err, store::Error::Invalid { field: "kind", .. }));
    let dup = vec![cgw("cgw-1", "a"), cgw("cgw-1", "b")];
    let err = apply_snapshot(&pool, acc.id, "r", ResourceKind::CustomerGateway, dup, t(1))
        .await
        .unwrap_err();
    assert!(matches!(
        err,
        store::Error::Invalid {
            field: "cloud_id",
            ..
        }
    ));
    let err = apply_snapshot(
        &pool,
        uuid::Uuid::new_v4(),
        "r",
        ResourceKind::Vpc,
        vec![],
        t(1),
    )
    .await
    .unwrap_err();
    assert!(matches!(err, store::Error::NotFound { .. }));
}

/// `sync_generation.membership` moves with the set of resources (something added or gone),
/// not with states: the pages key what depends only on which resources exist on it.
/// `content` moves whenever a snapshot wrote a row, and only then: what a page of rows is
/// keyed on.
#[tokio::test]
async fn membership_moves_when_resources_come_or_go_content_when_rows_are_written() {
    let pool = db().await;
    let acc = account(&pool).await;
    let kind = ResourceKind::Tunnel;
    let counts = || async {
        sqlx::query_as::<_, (i64, i64)>(
            "SELECT membership, content FROM sync_generation \
             WHERE account_id = $1 AND kind = 'tunnel'",
        )
        .bind(acc.id)
        .fetch_one(&pool)
        .await
        .unwrap()
    };
    let up = tunnel("tun-a", "ipsec_sa_established", State::Up, "master");
    let down = tunnel("tun-a", "ike_sa_not_established", State::Down, "master");
    let other = tunnel("tun-b", "ipsec_sa_established", State::Up, "slave");
    let steps = [
        (vec![up.clone()], (1, 1), "first snapshot"),
        (vec![down.clone()], (1, 2), "a state change"),
        (vec![down.clone()], (1, 2), "nothing changed"),
        (vec![down.clone(), other], (2, 3), "one added"),
        (vec![down.clone()], (3, 4), "one gone"),
        (vec![down], (3, 4), "nothing changed again"),
    ];
    for (hour, (items, expected, what)) in steps.into_iter().enumerate() {
        apply_snapshot(
            &pool,
            acc.id,
            "cn-hangzhou",
            kind,
            items,
            t(hour as u32 + 1),
        )
        .await
        .unwrap();
        assert_eq!(counts().await, expected, "{what}");
    }
}
