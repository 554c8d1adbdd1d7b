//! Admin → Sync & retention over HTTP: bad values are refused with an error naming the field;
//! good ones are stored and in force in the server's engine at once (intervals, jobs already
//! scheduled further out pulled in, per-API budgets); blanks go back to the configuration.

use crate::accounts_admin::{admin_app, post};
use std::time::Duration;
use sync::quota::CloudApi;
use sync::Cadence;

fn secs(hot: u64, cold: u64) -> Cadence {
    Cadence {
        hot: Duration::from_secs(hot),
        cold: Duration::from_secs(cold),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn sync_settings_are_validated_stored_and_in_force_without_a_restart() {
    // Arrange: an account whose gateways crawl is scheduled ten minutes out.
    let (app, admin, engine) = admin_app("sync-settings").await;
    let keys = store::crypto::KeyRing::load_or_create(
        &crate::helpers::scratch_dir("sync-settings-keys").join("k"),
    )
    .unwrap();
    let new = store::model::NewAccount {
        cloud: "aliyun".into(),
        name: "a".into(),
        access_key_id: "LTAIx".into(),
        secret: secrecy::SecretString::from("s3cret".to_owned()),
        regions: vec!["cn-hangzhou".into()],
        endpoints: Default::default(),
    };
    let account = store::accounts::create_account(&app.pool, &keys, new)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO sync_freshness (account_id, region, kind, last_attempt_at, next_due_at) \
         VALUES ($1, 'cn-hangzhou', 'vpn_gateway', now(), now() + interval '600 seconds')",
    )
    .bind(account.id)
    .execute(&app.pool)
    .await
    .unwrap();
    let save = |hot: &'static str, cold: &'static str, days: &'static str| {
        [
            ("hot_interval_secs", hot),
            ("cold_interval_secs", cold),
            ("history_retention_days", days),
        ]
    };

    // Act + Assert: each bad value is refused, naming its field.
    for (form, field) in [
        (save("4", "", ""), "hot_interval_secs"),
        (save("", "20", ""), "cold_interval_secs"),
        (save("60", "30", ""), "cold_interval_secs"),
        (save("", "", "0"), "history_retention_days"),
        (save("ten", "", ""), "hot_interval_secs"),
    ] {
        let (status, body) = post(&admin, &app, "admin/sync/save", &form).await;
        assert_eq!(status, 400, "{form:?}: {body}");
        assert!(body.contains(field), "{form:?}: {body}");
    }
    assert_eq!(engine.cadence(), secs(30, 600), "nothing bad was applied");

    // Good values: stored, shown, and the engine runs by them at once.
    let (status, body) = post(&admin, &app, "admin/sync/save", &save("10", "60", "7")).await;
    assert_eq!(status, 200, "{body}");
    let view: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(view["hot_interval_secs"]["effective"], 10);
    assert_eq!(view["history_retention_days"]["set"], 7);
    assert_eq!(view["cold_interval_secs"]["default"], 600);
    assert_eq!(engine.cadence(), secs(10, 60));
    let wait: f64 = sqlx::query_scalar(
        "SELECT EXTRACT(EPOCH FROM next_due_at - last_attempt_at)::float8 FROM sync_freshness \
         WHERE account_id = $1",
    )
    .bind(account.id)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(wait <= 60.5, "the gateways crawl is still {wait} s out");

    // Budgets: every account, then one account's own, which wins for it.
    let api = "DescribeVpnConnections";
    let (status, body) = post(
        &admin,
        &app,
        "admin/sync/budget",
        &[("account", ""), ("api", api), ("calls_per_minute", "0")],
    )
    .await;
    assert_eq!(status, 400);
    assert!(body.contains("calls_per_minute"), "{body}");
    let (status, body) = post(
        &admin,
        &app,
        "admin/sync/budget",
        &[
            ("account", ""),
            ("api", "x;drop"),
            ("calls_per_minute", "5"),
        ],
    )
    .await;
    assert_eq!(status, 400);
    assert!(body.contains("invalid api"), "{body}");
    let every = [("account", ""), ("api", api), ("calls_per_minute", "120")];
    assert_eq!(post(&admin, &app, "admin/sync/budget", &every).await.0, 200);
    let other = uuid::Uuid::new_v4();
    assert_eq!(engine.quota_for(other, CloudApi::Aliyun, api).calls, 120);
    let id = account.id.to_string();
    let own = [
        ("account", id.as_str()),
        ("api", api),
        ("calls_per_minute", "7"),
    ];
    let (status, body) = post(&admin, &app, "admin/sync/budget", &own).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(engine.quota_for(account.id, CloudApi::Aliyun, api).calls, 7);
    assert_eq!(engine.quota_for(other, CloudApi::Aliyun, api).calls, 120);

    // Removing both brings back the published quota.
    let view: serde_json::Value = serde_json::from_str(&body).unwrap();
    for b in view["budgets"].as_array().unwrap() {
        let id = b["id"].as_str().unwrap();
        let (status, _) = post(&admin, &app, "admin/sync/budget/remove", &[("id", id)]).await;
        assert_eq!(status, 200);
    }
    assert_eq!(
        engine.quota_for(account.id, CloudApi::Aliyun, api).calls,
        600
    );

    // Blank fields: back to the configuration's values.
    assert_eq!(
        post(&admin, &app, "admin/sync/save", &save("", "", ""))
            .await
            .0,
        200
    );
    assert_eq!(engine.cadence(), secs(30, 600));
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE action LIKE 'sync_%' AND actor = 'root'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(audited >= 10, "{audited} audit entries");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_history_pruner_keeps_the_retention_an_admin_set_not_the_configured_one() {
    // Arrange: transitions 3 days and 1 hour old; the configuration keeps 90 days, the admin 2.
    let pool = crate::helpers::fresh_database().await;
    let key_file = crate::helpers::scratch_dir("pruner-keys").join("k");
    let keys = std::sync::Arc::new(store::crypto::KeyRing::load_or_create(&key_file).unwrap());
    let new = store::model::NewAccount {
        cloud: "aliyun".into(),
        name: "quiet".into(),
        access_key_id: "LTAIx".into(),
        secret: secrecy::SecretString::from("s3cret".to_owned()),
        regions: vec!["cn-hangzhou".into()],
        endpoints: Default::default(),
    };
    let account = store::accounts::create_account(&pool, &keys, new)
        .await
        .unwrap();
    // Disabled: the engine started below must not crawl (there is no cloud here).
    let off = store::model::AccountUpdate {
        enabled: Some(false),
        ..Default::default()
    };
    store::accounts::update_account(&pool, &keys, account.id, off)
        .await
        .unwrap();
    for age in ["3 days", "1 hour"] {
        sqlx::query(&format!(
            "INSERT INTO state_transition (account_id, region, kind, cloud_id, facet, at, new_state, generation) \
             VALUES ($1, 'cn-hangzhou', 'tunnel', 't-1', 'main', now() - interval '{age}', 'up', 1)"
        ))
        .bind(account.id)
        .execute(&pool)
        .await
        .unwrap();
    }
    let two_days = store::sync_settings::Overrides {
        history_retention_days: Some(2),
        ..Default::default()
    };
    let defaults = store::sync_settings::Defaults::default();
    store::sync_settings::save(&pool, two_days, &defaults, "root")
        .await
        .unwrap();

    // Act: the background sync starts with the configuration's 90 days.
    let config = server::config::SyncConfig::default();
    assert_eq!(config.history_retention_days, 90);
    let task = server::background::start_sync(pool.clone(), keys, &config);

    // Assert: the 3-day-old transition goes, the recent one stays.
    let mut left = vec![];
    for _ in 0..100 {
        left = sqlx::query_scalar::<_, String>(
            "SELECT (now() - at)::text FROM state_transition ORDER BY at",
        )
        .fetch_all(&pool)
        .await
        .unwrap();
        if left.len() == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(left.len(), 1, "left: {left:?}");
    assert!(
        left[0].starts_with("01:00") || left[0].starts_with("00:59"),
        "{left:?}"
    );
    task.stop().await;
}
