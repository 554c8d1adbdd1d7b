//! The API's conflict report under a scope: a scoped token sees only findings whose every
//! object is inside its scope, and never more than an unrestricted token.

use crate::api_v1::{get, items, token};
use crate::helpers::spawn_app_on;
use crate::overview::synced_toy_estate;
use auth::Scope;
use serde_json::Value;
use std::collections::HashSet;

fn findings(body: &Value) -> Vec<Value> {
    body["findings"].as_array().expect("findings").clone()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_scoped_token_sees_only_findings_about_its_own_objects() {
    let (_emu, pool, _) = synced_toy_estate().await;
    let app = spawn_app_on(pool).await;
    let all = token(&app, Scope::default()).await;
    let huawei = token(
        &app,
        Scope {
            clouds: vec!["huawei".into()],
            ..Scope::default()
        },
    )
    .await;
    let (status, everything) = get(&app, &all, "/api/v1/conflicts").await;
    assert_eq!(status, 200, "{everything}");
    assert!(
        !findings(&everything).is_empty(),
        "the toy estate has planted mistakes"
    );
    let mut aliyun_ids = HashSet::new();
    for path in ["/api/v1/gateways", "/api/v1/connections", "/api/v1/routes"] {
        let (_, body) = get(&app, &all, &format!("{path}?limit=500")).await;
        aliyun_ids.extend(
            items(&body)
                .iter()
                .filter(|r| r["cloud"] == "aliyun")
                .map(|r| r["id"].as_str().unwrap().to_string()),
        );
    }
    let (status, scoped) = get(&app, &huawei, "/api/v1/conflicts").await;
    assert_eq!(status, 200, "{scoped}");
    let whole = findings(&everything);
    for f in findings(&scoped) {
        assert!(whole.contains(&f), "{f} is not in the full report");
        for o in f["objects"].as_array().unwrap() {
            assert!(!aliyun_ids.contains(o.as_str().unwrap()), "{f} names {o}");
        }
    }
    let aliyun_findings = whole
        .iter()
        .filter(|f| {
            f["objects"]
                .as_array()
                .unwrap()
                .iter()
                .any(|o| aliyun_ids.contains(o.as_str().unwrap()))
        })
        .count();
    assert!(
        findings(&scoped).len() + aliyun_findings <= whole.len(),
        "the scoped report leaves out every finding about aliyun objects"
    );
    app.stop().await;
}
