//! History between two instants: the netting rules on their own, then on a synced estate
//! that the emulator changes (a renamed connection, time passing) before a second sync.

use crate::overview::synced_toy_estate;
use app::api::history_diff::*;
use app::api::history_diff_sql::diff;
use chrono::{Duration, Utc};

fn res(id: &str) -> DiffResource {
    DiffResource {
        kind: "connection".into(),
        cloud: "aliyun".into(),
        account: "demo".into(),
        region: "cn-hangzhou".into(),
        id: id.into(),
        name: None,
    }
}

fn config(id: &str, change: &str, fields: &[(&str, &str, &str)]) -> ConfigEvent {
    ConfigEvent {
        resource: res(id),
        change: change.into(),
        fields: fields
            .iter()
            .map(|(p, o, n)| FieldDiff {
                path: p.to_string(),
                old: o.to_string(),
                new: n.to_string(),
            })
            .collect(),
    }
}

fn state(id: &str, old: Option<&str>, new: &str) -> StateEvent {
    StateEvent {
        resource: res(id),
        facet: "main".into(),
        old_state: old.map(Into::into),
        new_state: new.into(),
    }
}

#[test]
fn events_net_out_over_the_interval() {
    let s = summarise(
        vec![
            config("added", "added", &[]),
            config("transient", "added", &[]),
            config("gone", "changed", &[("name", "a", "b")]),
            config(
                "changed",
                "changed",
                &[("name", "a", "b"), ("attrs.psk_set", "x", "y")],
            ),
            config("transient", "removed", &[]),
            config("gone", "removed", &[]),
            config(
                "changed",
                "changed",
                &[("name", "b", "c"), ("attrs.psk_set", "y", "x")],
            ),
        ],
        vec![
            state("flappy", Some("up"), "down"),
            state("broke", Some("up"), "partial"),
            state("flappy", Some("down"), "up"),
            state("broke", Some("partial"), "down"),
        ],
    );
    assert_eq!(s.added, vec![res("added")]);
    assert_eq!(s.gone, vec![res("gone")]);
    assert_eq!(s.changed.len(), 1, "{:?}", s.changed);
    let fields: Vec<_> = s.changed[0]
        .fields
        .iter()
        .map(|f| (f.path.as_str(), f.old.as_str(), f.new.as_str()))
        .collect();
    assert_eq!(
        fields,
        vec![("name", "a", "c")],
        "a field changed back is no difference"
    );
    let states: Vec<_> = s
        .states
        .iter()
        .map(|c| {
            (
                c.resource.id.as_str(),
                c.before.as_deref(),
                c.after.as_str(),
                c.transitions,
            )
        })
        .collect();
    assert_eq!(
        states,
        vec![
            ("broke", Some("up"), "down", 2),
            ("flappy", Some("up"), "up", 2)
        ],
        "net changes first"
    );
}

#[test]
fn instants_parse_as_utc_and_bad_ones_are_named() {
    let t = parse_instant("from", "2026-11-24T18:00").unwrap();
    assert_eq!(t.to_rfc3339(), "2026-11-24T18:00:00+00:00");
    assert_eq!(
        parse_instant("to", "2026-11-24 20:00:30").unwrap(),
        t + Duration::seconds(7230)
    );
    assert_eq!(parse_instant("to", "2026-11-24T19:00:00+01:00").unwrap(), t);
    let err = parse_instant("from", "yesterday").unwrap_err().to_string();
    assert!(
        err.contains("from must be a time like 2026-11-25T18:00 (UTC), not \"yesterday\""),
        "{err}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_diff_shows_what_the_emulator_changed_between_two_syncs() {
    // Arrange: one sync, then a renamed connection and time passing in the emulator.
    let before_first = Utc::now() - Duration::seconds(1);
    let (emu, pool, keys) = synced_toy_estate().await;
    let between = Utc::now();
    let renamed = {
        let mut estate = emu.state().estate_mut();
        let conn = &mut estate.accounts[0].aliyun[0].connections[0];
        conn.name = Some("renamed-by-test".into());
        conn.vpn_connection_id.clone().unwrap()
    };
    let engine = sync::Engine::new(
        pool.clone(),
        keys,
        "t2".into(),
        sync::SyncSettings::default(),
    );
    let mut result = None;
    for _ in 0..24 {
        emu.clock().advance(std::time::Duration::from_secs(3600));
        engine.refresh_now(None).await.unwrap();
        engine.sync_due().await.unwrap();
        // Act
        let d = diff(&pool, Some(between.to_rfc3339()), None, Utc::now())
            .await
            .unwrap();
        if !d.summary.states.is_empty() {
            result = Some(d);
            break;
        }
    }
    // Assert
    let d = result.expect("some state changed in a simulated day");
    let change = d
        .summary
        .changed
        .iter()
        .find(|c| c.resource.id == renamed)
        .expect("the renamed connection");
    assert!(
        change
            .fields
            .iter()
            .any(|f| f.path == "name" && f.new == "renamed-by-test"),
        "{:?}",
        change.fields
    );
    // Nothing was created or deleted in the emulator; only the routes a BGP session learns
    // come and go with the session's state as time passes.
    let learned = |r: &&app::api::history_diff::DiffResource| {
        r.kind == "route" && r.id.starts_with("bgp_learned|")
    };
    assert!(
        d.summary
            .added
            .iter()
            .chain(&d.summary.gone)
            .all(|r| learned(&r)),
        "nothing else added or gone: {:?}",
        d.summary
    );
    let first = diff(
        &pool,
        Some(before_first.to_rfc3339()),
        Some(between.to_rfc3339()),
        Utc::now(),
    )
    .await
    .unwrap();
    assert!(
        first.summary.added.iter().any(|r| r.id == renamed),
        "the first sync added everything"
    );
    assert!(first.summary.changed.is_empty() && first.summary.gone.is_empty());
    let err = diff(
        &pool,
        Some(between.to_rfc3339()),
        Some(before_first.to_rfc3339()),
        Utc::now(),
    )
    .await
    .unwrap_err();
    assert!(err.to_string().contains("must be before to"), "{err}");
    emu.shutdown().await;
}
