//! Admin → Cloud accounts over HTTP, against the emulator over loopback: add (tested first),
//! list without the secret, test connection (OK, and the cloud's own code for a wrong
//! secret), edit keeping the secret when blank, remove with the name typed, the audit trail,
//! and a sync engine that existed before the account picking it up without a restart.

use crate::helpers::{
    fresh_database, scratch_dir, signed_in, spawn_app_with_services, test_settings, TestApp,
};
use app::api::accounts_admin::mask_key_id;
use auth::Role;
use emulator::{EmulatorConfig, EstateSize};
use serde_json::Value;
use std::sync::Arc;
use store::crypto::KeyRing;
use sync::{Engine, JobOutcome, SyncSettings};

pub async fn emulator() -> emulator::EmulatorHandle {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    emulator::spawn(EmulatorConfig::new(11, EstateSize::toy()), listener).await
}

/// A server with a credentials key and a sync engine (its loop not running: tests drive it).
pub async fn admin_app(name: &str) -> (TestApp, reqwest::Client, Arc<Engine>) {
    let pool = fresh_database().await;
    let key_file = scratch_dir(name).join("secret.key");
    let keys = Arc::new(KeyRing::load_or_create(&key_file).unwrap());
    let engine = Engine::new(
        pool.clone(),
        keys.clone(),
        name.into(),
        SyncSettings::default(),
    );
    let services = app::state::Services {
        keys: Some(keys),
        sync: Some(engine.clone()),
        ..Default::default()
    };
    let app = spawn_app_with_services(pool, test_settings(), services).await;
    let admin = signed_in(&app, "root", Role::Admin).await;
    (app, admin, engine)
}

pub async fn post(
    client: &reqwest::Client,
    app: &TestApp,
    endpoint: &str,
    form: &[(&str, &str)],
) -> (u16, String) {
    let resp = client
        .post(app.url(&format!("/api/{endpoint}")))
        .form(form)
        .send()
        .await
        .unwrap();
    (resp.status().as_u16(), resp.text().await.unwrap())
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn an_aliyun_account_is_added_tested_edited_and_removed_and_its_secret_never_comes_back() {
    // Arrange
    let emu = emulator().await;
    let c = &emu.credentials[0];
    let (app, admin, engine) = admin_app("accounts-aliyun").await;
    let endpoints = format!("*={}", emu.aliyun_endpoint);
    let regions = c.aliyun_regions.join(", ");
    let (key_id, secret) = (
        c.aliyun_access_key_id.as_str(),
        c.aliyun_access_key_secret.as_str(),
    );
    let wrong = "Wr0ngSecretWr0ngSecretWr0ngSec";
    let add = |name: &'static str, secret: &'static str| {
        [
            ("cloud", "aliyun"),
            ("name", name),
            ("access_key_id", key_id),
            ("secret", secret),
            ("regions", regions.as_str()),
            ("endpoints", endpoints.as_str()),
            ("test_first", "on"),
        ]
    };
    let secret: &'static str = secret.to_owned().leak();

    // A wrong secret, tested first: the cloud's code, nothing saved, no secret in the answer.
    let (status, body) = post(&admin, &app, "admin/accounts/add", &add("prod", wrong)).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("SignatureDoesNotMatch"), "{body}");
    assert!(!body.contains(wrong) && !body.contains(secret), "{body}");

    // The right one: added.
    let (status, body) = post(&admin, &app, "admin/accounts/add", &add("prod", secret)).await;
    assert_eq!(status, 200, "{body}");
    let id = json(&body)["id"].as_str().unwrap().to_owned();

    // Listed with the key id masked, never the secret or the whole key id.
    let (status, list) = post(&admin, &app, "admin/accounts", &[]).await;
    assert_eq!(status, 200, "{list}");
    assert!(!list.contains(secret), "the secret is in the list: {list}");
    assert!(
        !list.contains(key_id),
        "the whole key id is in the list: {list}"
    );
    assert_eq!(json(&list)[0]["key_id"], mask_key_id(key_id));
    assert_eq!(json(&list)[0]["name"], "prod");

    // Test connection with the stored credentials: OK, with a latency.
    let (status, probe) = post(&admin, &app, "admin/accounts/test", &[("id", &id)]).await;
    assert_eq!(status, 200, "{probe}");
    let probe = json(&probe);
    assert!(probe["code"].is_null(), "{probe}");
    assert_eq!(probe["api"], "DescribeRegions");

    // The engine existed before the account; its next round syncs it, no restart.
    let outcomes = engine.sync_due().await.unwrap();
    assert!(
        outcomes.iter().any(|o| matches!(o, JobOutcome::Synced(_))),
        "{outcomes:?}"
    );

    // Edit with a blank key id and secret: the stored ones are kept (the test-first call passes).
    let edit = |name: &'static str, key: &'static str, secret: &'static str| {
        [
            ("id", id.as_str()),
            ("name", name),
            ("access_key_id", key),
            ("secret", secret),
            ("regions", regions.as_str()),
            ("endpoints", endpoints.as_str()),
            ("test_first", "on"),
        ]
    };
    let key: &'static str = key_id.to_owned().leak();
    let (status, body) = post(
        &admin,
        &app,
        "admin/accounts/edit",
        &edit("production", "", ""),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(json(&body)["name"], "production");
    // Its syncs are due again at once (not at the end of the old schedule).
    let later: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM sync_freshness WHERE account_id = $1::uuid AND next_due_at > now()",
    )
    .bind(&id)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(later, 0, "syncs still scheduled for later after the edit");
    let (_, probe) = post(&admin, &app, "admin/accounts/test", &[("id", &id)]).await;
    assert!(json(&probe)["code"].is_null(), "{probe}");

    // A new key id needs its secret.
    let (status, body) = post(
        &admin,
        &app,
        "admin/accounts/edit",
        &edit("production", "LTAIother", ""),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("secret"), "{body}");

    // A wrong secret saved without testing: the test then reports the cloud's code.
    let mut untested = edit("production", key, wrong).to_vec();
    untested.pop();
    let (status, body) = post(&admin, &app, "admin/accounts/edit", &untested).await;
    assert_eq!(status, 200, "{body}");
    let (status, probe) = post(&admin, &app, "admin/accounts/test", &[("id", &id)]).await;
    assert_eq!(status, 200, "{probe}");
    assert_eq!(json(&probe)["code"], "SignatureDoesNotMatch", "{probe}");
    assert!(!probe.contains(wrong), "{probe}");

    // Disable, then remove: the name must be typed.
    let (status, body) = post(
        &admin,
        &app,
        "admin/accounts/enable",
        &[("id", &id), ("enabled", "false")],
    )
    .await;
    assert_eq!(
        (status, json(&body)["enabled"].as_bool()),
        (200, Some(false))
    );
    let (status, body) = post(
        &admin,
        &app,
        "admin/accounts/remove",
        &[("id", &id), ("confirm", "prod")],
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("\\\"production\\\""), "{body}");
    let (status, _) = post(
        &admin,
        &app,
        "admin/accounts/remove",
        &[("id", &id), ("confirm", "production")],
    )
    .await;
    assert_eq!(status, 200);
    let (_, list) = post(&admin, &app, "admin/accounts", &[]).await;
    assert_eq!(json(&list), serde_json::json!([]));

    // Audited, without a secret anywhere in the log.
    let log: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT action, outcome, detail::text FROM audit_log WHERE action LIKE 'account_%' ORDER BY id",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let actions: Vec<String> = log.iter().map(|(a, o, _)| format!("{a}:{o}")).collect();
    for wanted in [
        "account_added:failed",
        "account_added:ok",
        "account_tested:ok",
        "account_edited:ok",
        "account_edited:failed",
        "account_tested:failed",
        "account_disabled:ok",
        "account_removed:failed",
        "account_removed:ok",
    ] {
        assert!(
            actions.iter().any(|a| a == wanted),
            "{wanted} not in {actions:?}"
        );
    }
    assert!(log
        .iter()
        .all(|(_, _, d)| !d.contains(secret) && !d.contains(wrong)));
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_huawei_account_is_tested_in_its_region_and_a_wrong_secret_gives_the_clouds_code() {
    // Arrange
    let emu = emulator().await;
    let c = &emu.credentials[0];
    let (app, admin, _engine) = admin_app("accounts-huawei").await;
    let region = c.huawei_projects[0].0.clone();
    let endpoints = format!("*={}", emu.huawei_endpoint);
    let bad_secret = "0123456789abcdef0123456789abcdef0123";

    // Act: added untested with a wrong secret, then tested.
    let wrong = [
        ("cloud", "huawei"),
        ("name", "hw"),
        ("access_key_id", c.huawei_ak.as_str()),
        ("secret", bad_secret),
        ("regions", region.as_str()),
        ("endpoints", endpoints.as_str()),
    ];
    let (status, body) = post(&admin, &app, "admin/accounts/add", &wrong).await;
    assert_eq!(status, 200, "{body}");
    let id = json(&body)["id"].as_str().unwrap().to_owned();
    let (_, probe) = post(&admin, &app, "admin/accounts/test", &[("id", &id)]).await;

    // Assert: Huawei's API gateway code for a bad signature, no secret in the answer.
    assert_eq!(json(&probe)["code"], "APIGW.0301", "{probe}");
    assert!(!probe.contains(bad_secret), "{probe}");

    // The right secret (edit, tested first): OK.
    let edit = [
        ("id", id.as_str()),
        ("name", "hw"),
        ("access_key_id", c.huawei_ak.as_str()),
        ("secret", c.huawei_sk.as_str()),
        ("regions", region.as_str()),
        ("endpoints", endpoints.as_str()),
        ("test_first", "on"),
    ];
    let (status, body) = post(&admin, &app, "admin/accounts/edit", &edit).await;
    assert_eq!(status, 200, "{body}");
    let (_, probe) = post(&admin, &app, "admin/accounts/test", &[("id", &id)]).await;
    assert!(json(&probe)["code"].is_null(), "{probe}");
    assert_eq!(json(&probe)["region"], region.as_str());
    app.stop().await;
}
