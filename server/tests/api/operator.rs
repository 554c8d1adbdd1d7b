//! Operator actions end to end on the demo emulator: a PSK revealed to an operator is the
//! cloud's, a viewer is refused (and audited), a peer config is downloaded once and then
//! served from the vault, and errors name what was wrong. Route writes: `operator_routes.rs`.

use crate::helpers::{
    fresh_database, scratch_dir, settings_without_guests, signed_in, spawn_app_with_services,
    TestApp,
};
use auth::Role;
use emulator::{EmulatorConfig, EmulatorHandle, EstateSize};
use serde_json::Value;
use std::sync::Arc;

pub struct Demo {
    pub app: TestApp,
    pub emu: EmulatorHandle,
    pub engine: Arc<sync::Engine>,
}

/// The toy estate, registered as demo mode does and synced once, behind a server whose sync
/// engine makes the operators' cloud calls (its scheduler is not running: tests sync).
pub async fn demo() -> Demo {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let config = EmulatorConfig {
        manual_clock: true,
        ..EmulatorConfig::new(11, EstateSize::toy())
    };
    let emu = emulator::spawn(config, listener).await;
    let pool = fresh_database().await;
    let keys =
        Arc::new(store::crypto::KeyRing::load_or_create(&scratch_dir("keys").join("k")).unwrap());
    server::demo::ensure_accounts(&pool, &keys, &emu)
        .await
        .unwrap();
    let engine = sync::Engine::new(pool.clone(), keys, "t".into(), Default::default());
    engine.sync_due().await.unwrap();
    let services = app::state::Services {
        sync: Some(engine.clone()),
        ..Default::default()
    };
    let app = spawn_app_with_services(pool, settings_without_guests(), services).await;
    Demo { app, emu, engine }
}

/// A synced connection of `cloud` (`aliyun` / `huawei`).
pub async fn connection_of(app: &TestApp, cloud: &str) -> String {
    sqlx::query_scalar(
        "SELECT r.cloud_id FROM resource_current r JOIN cloud_account a ON a.id = r.account_id \
         WHERE r.kind = 'connection' AND a.cloud = $1 ORDER BY r.cloud_id LIMIT 1",
    )
    .bind(cloud)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

/// Every pre-shared key the emulator holds for connection `id`.
fn emulator_psks(emu: &EmulatorHandle, id: &str) -> Vec<String> {
    let estate = emu.state().estate();
    let c = estate
        .accounts
        .iter()
        .flat_map(|a| &a.aliyun)
        .flat_map(|r| &r.connections)
        .find(|c| c.vpn_connection_id.as_deref() == Some(id))
        .expect("the connection is in the emulator");
    let mut out: Vec<String> = c
        .ike_config
        .iter()
        .filter_map(|i| i.psk.clone())
        .chain(
            c.tunnel_options_specification
                .iter()
                .flat_map(|t| &t.items)
                .filter_map(|t| t.tunnel_ike_config.as_ref()?.psk.clone()),
        )
        .map(|p| p.expose().to_owned())
        .collect();
    out.sort();
    out
}

pub async fn audit_rows(
    app: &TestApp,
    action: &str,
) -> Vec<(String, String, Option<String>, Value)> {
    sqlx::query_as(
        "SELECT actor, outcome, target, detail FROM audit_log WHERE action = $1 ORDER BY id",
    )
    .bind(action)
    .fetch_all(&app.pool)
    .await
    .unwrap()
}

pub async fn post(
    client: &reqwest::Client,
    app: &TestApp,
    endpoint: &str,
    form: &[(&str, &str)],
) -> (u16, String) {
    let r = client
        .post(app.url(&format!("/api/{endpoint}")))
        .form(form)
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

#[tokio::test(flavor = "multi_thread")]
async fn an_operator_sees_the_clouds_psk_and_a_viewer_is_refused_and_audited() {
    // Arrange
    let Demo { app, emu, .. } = demo().await;
    let id = connection_of(&app, "aliyun").await;
    let operator = signed_in(&app, "olga", Role::Operator).await;
    let viewer = signed_in(&app, "vic", Role::Viewer).await;
    // Act
    let (status, body) = post(&operator, &app, "operator/psk", &[("connection_id", &id)]).await;
    let (refused, _) = post(&viewer, &app, "operator/psk", &[("connection_id", &id)]).await;
    // Assert
    assert_eq!(status, 200, "{body}");
    let got: app::api::operator::RevealedPsk = serde_json::from_str(&body).unwrap();
    let mut values: Vec<String> = got.keys.iter().map(|k| k.value.clone()).collect();
    values.sort();
    assert_eq!(values, emulator_psks(&emu, &id));
    assert!(values.iter().all(|v| !v.is_empty() && v != "******"));
    let rows = audit_rows(&app, "psk_revealed").await;
    assert_eq!(rows.len(), 1, "{rows:?}");
    let (actor, outcome, target, detail) = &rows[0];
    assert_eq!(
        (actor.as_str(), outcome.as_str(), target.as_deref()),
        ("olga", "ok", Some(id.as_str()))
    );
    assert!(
        detail["request_id"].as_str().is_some_and(|r| !r.is_empty()),
        "{detail}"
    );
    assert!(
        !detail.to_string().contains(&values[0]),
        "no PSK in the audit log"
    );
    assert_eq!(refused, 403);
    let denied: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE actor = 'vic' AND outcome = 'denied' AND target = '/api/operator/psk'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(denied, 1);
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_peer_config_is_downloaded_once_then_served_from_the_vault() {
    let Demo { app, emu, .. } = demo().await;
    let id = connection_of(&app, "aliyun").await;
    let operator = signed_in(&app, "olga", Role::Operator).await;
    let before = emu.state().calls_of("DownloadVpnConnectionConfig");
    let mut files = Vec::new();
    for _ in 0..2 {
        let (status, body) = post(
            &operator,
            &app,
            "operator/peer-config",
            &[("connection_id", &id)],
        )
        .await;
        assert_eq!(status, 200, "{body}");
        files.push(serde_json::from_str::<app::api::operator::PeerConfigFile>(&body).unwrap());
    }
    assert_eq!(
        emu.state().calls_of("DownloadVpnConnectionConfig") - before,
        1,
        "the second came from the vault"
    );
    assert_eq!((files[0].from_vault, files[1].from_vault), (false, true));
    assert_eq!(files[0].text, files[1].text);
    let psk = &emulator_psks(&emu, &id)[0];
    assert!(
        files[0].text.contains(psk.as_str()),
        "the peer config holds the PSK"
    );
    let sealed: Vec<u8> =
        sqlx::query_scalar("SELECT ciphertext FROM peer_config_vault WHERE connection_id = $1")
            .bind(&id)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert!(!String::from_utf8_lossy(&sealed).contains(psk.as_str()));
    let rows = audit_rows(&app, "peer_config_downloaded").await;
    let vault: Vec<&str> = rows
        .iter()
        .map(|r| r.3["vault"].as_str().unwrap())
        .collect();
    assert_eq!(vault, ["miss", "hit"], "{rows:?}");
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_connections_and_what_huawei_lacks_are_named_plainly() {
    let Demo { app, emu, .. } = demo().await;
    let operator = signed_in(&app, "olga", Role::Operator).await;
    let (status, body) = post(
        &operator,
        &app,
        "operator/psk",
        &[("connection_id", "vco-nope")],
    )
    .await;
    assert_eq!(status, 404, "{body}");
    assert!(body.contains("connection vco-nope"), "{body}");
    let huawei = connection_of(&app, "huawei").await;
    let (status, body) = post(
        &operator,
        &app,
        "operator/psk",
        &[("connection_id", &huawei)],
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("Huawei Cloud never returns"), "{body}");
    let (status, body) = post(
        &operator,
        &app,
        "operator/peer-config",
        &[("connection_id", &huawei)],
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("Huawei Cloud"), "{body}");
    let failed: Vec<(String, String, Option<String>, Value)> =
        audit_rows(&app, "psk_revealed").await;
    assert_eq!(failed.len(), 2);
    assert!(failed.iter().all(|r| r.1 == "failed"), "{failed:?}");
    assert_eq!(failed[1].3["code"], "NotOffered");
    emu.shutdown().await;
}
