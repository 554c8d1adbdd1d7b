//! Operator route writes on the demo emulator: a weight change and a publish / withdraw round
//! trip land in the cloud and, after the refresh they schedule, in the store; a cloud error
//! comes back as a clear message and a failed audit entry with the cloud's code.

use crate::helpers::{signed_in, TestApp};
use crate::operator::{audit_rows, demo, post, Demo};
use auth::Role;
use emulator::faults::{FaultKind, FaultRule, FaultSet};
use emulator::EmulatorHandle;
use serde_json::Value;

/// A synced Alibaba destination route with a weight: (route key, connection, attrs).
async fn vpn_route(app: &TestApp) -> (String, String, Value) {
    sqlx::query_as(
        "SELECT cloud_id, attrs ->> 'next_hop', attrs FROM resource_current \
         WHERE kind = 'route' AND attrs ->> 'source' = 'vpn_destination' \
           AND attrs ? 'weight' AND attrs ->> 'next_hop' LIKE 'vco-%' ORDER BY cloud_id LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

async fn stored_route(app: &TestApp, key: &str) -> Value {
    sqlx::query_scalar("SELECT attrs FROM resource_current WHERE kind = 'route' AND cloud_id = $1")
        .bind(key)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

/// The emulator's (weight, state) of the destination route `dest` via `next_hop`.
fn emulator_route(
    emu: &EmulatorHandle,
    dest: &str,
    next_hop: &str,
) -> (Option<u32>, Option<String>) {
    let estate = emu.state().estate();
    let e = estate
        .accounts
        .iter()
        .flat_map(|a| &a.aliyun)
        .flat_map(|r| &r.vpn_routes)
        .find(|e| e.route_dest.as_deref() == Some(dest) && e.next_hop.as_deref() == Some(next_hop))
        .expect("the route is in the emulator");
    (e.weight, e.state.clone())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_weight_change_lands_in_the_cloud_and_the_store_after_the_refresh() {
    let Demo { app, emu, engine } = demo().await;
    let (key, conn, attrs) = vpn_route(&app).await;
    let dest = attrs["destination"].as_str().unwrap().to_owned();
    let old = attrs["weight"].as_u64().unwrap();
    let new = if old == 100 { "0" } else { "100" };
    let operator = signed_in(&app, "olga", Role::Operator).await;
    let form = [
        ("connection_id", conn.as_str()),
        ("route", key.as_str()),
        ("weight", new),
    ];
    let (status, body) = post(&operator, &app, "operator/route/weight", &form).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        emulator_route(&emu, &dest, &conn).0,
        Some(new.parse().unwrap())
    );
    engine.sync_due().await.unwrap();
    assert_eq!(
        stored_route(&app, &key).await["weight"],
        new.parse::<u64>().unwrap()
    );
    let rows = audit_rows(&app, "vpn_route_weight_changed").await;
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].0.as_str(), rows[0].1.as_str()), ("olga", "ok"));
    assert!(
        rows[0].3["request_id"]
            .as_str()
            .is_some_and(|r| !r.is_empty()),
        "{:?}",
        rows[0]
    );
    // A weight the cloud does not accept is refused before any call.
    let form = [
        ("connection_id", conn.as_str()),
        ("route", key.as_str()),
        ("weight", "50"),
    ];
    let (status, body) = post(&operator, &app, "operator/route/weight", &form).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("weight: 0 or 100, not 50"), "{body}");
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn withdraw_then_publish_round_trips() {
    let Demo { app, emu, engine } = demo().await;
    let (key, conn, attrs) = vpn_route(&app).await;
    let dest = attrs["destination"].as_str().unwrap().to_owned();
    let operator = signed_in(&app, "olga", Role::Operator).await;
    for (publish, state) in [("false", "normal"), ("true", "published")] {
        let form = [
            ("connection_id", conn.as_str()),
            ("route", key.as_str()),
            ("publish", publish),
        ];
        let (status, body) = post(&operator, &app, "operator/route/publish", &form).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(emulator_route(&emu, &dest, &conn).1.as_deref(), Some(state));
        engine.sync_due().await.unwrap();
        assert_eq!(
            stored_route(&app, &key).await["published"],
            publish == "true",
            "{publish}"
        );
    }
    assert_eq!(audit_rows(&app, "vpn_route_withdrawn").await.len(), 1);
    assert_eq!(audit_rows(&app, "vpn_route_published").await.len(), 1);
    // A route that does not point into the connection is refused by name.
    let other = crate::operator::connection_of(&app, "huawei").await;
    let form = [
        ("connection_id", other.as_str()),
        ("route", key.as_str()),
        ("publish", "true"),
    ];
    let (status, body) = post(&operator, &app, "operator/route/publish", &form).await;
    assert!(status == 404 || status == 400, "{status} {body}");
    assert!(body.contains(&key), "{body}");
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cloud_error_is_clear_and_audited_with_its_code() {
    let Demo { app, emu, .. } = demo().await;
    let (key, conn, _) = vpn_route(&app).await;
    emu.set_faults(FaultSet {
        rules: vec![FaultRule {
            api: Some("PublishVpnRouteEntry".into()),
            kind: FaultKind::InternalError,
            ..FaultRule::default()
        }],
    });
    let operator = signed_in(&app, "olga", Role::Operator).await;
    let form = [
        ("connection_id", conn.as_str()),
        ("route", key.as_str()),
        ("publish", "false"),
    ];
    let (status, body) = post(&operator, &app, "operator/route/publish", &form).await;
    assert_eq!(status, 503, "{body}");
    assert!(
        body.contains("Alibaba Cloud refused InternalError"),
        "{body}"
    );
    let rows = audit_rows(&app, "vpn_route_withdrawn").await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].1, "failed");
    assert_eq!(rows[0].3["code"], "InternalError", "{:?}", rows[0]);
    emu.shutdown().await;
}
