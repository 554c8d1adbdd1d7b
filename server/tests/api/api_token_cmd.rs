//! `gatewatch api-token`: create prints a working token once, list shows it without the
//! token, revoke ends it; bad scopes and validities are refused with a reason.

use crate::helpers::fresh_database;
use server::api_token_cmd::apply;
use server::cli::ApiTokenAction;

fn create(name: &str, days: i64, clouds: &str) -> ApiTokenAction {
    ApiTokenAction::Create {
        name: name.into(),
        days,
        clouds: clouds.into(),
        accounts: String::new(),
        regions: String::new(),
        sites: String::new(),
    }
}

#[tokio::test]
async fn create_list_and_revoke_from_the_command_line() {
    let pool = fresh_database().await;
    let token = apply(&pool, create("provisioning", 7, "huawei"))
        .await
        .unwrap();
    let found = auth::api_tokens::TOKENS
        .resolve(&pool, &token, chrono::Utc::now())
        .await
        .unwrap()
        .expect("the printed token works");
    assert_eq!(found.scope.clouds, ["huawei"]);
    let listed = apply(&pool, ApiTokenAction::List).await.unwrap();
    assert!(
        listed.contains("provisioning") && listed.contains("active"),
        "{listed}"
    );
    assert!(!listed.contains(&token));
    let id = found.id.to_string();
    apply(&pool, ApiTokenAction::Revoke { id }).await.unwrap();
    let listed = apply(&pool, ApiTokenAction::List).await.unwrap();
    assert!(listed.contains("revoked"), "{listed}");

    let bad_cloud = apply(&pool, create("x", 7, "azure")).await.unwrap_err();
    assert!(bad_cloud.contains("azure"), "{bad_cloud}");
    let bad_days = apply(&pool, create("x", 0, "")).await.unwrap_err();
    assert!(bad_days.contains("days"), "{bad_days}");
    let unknown = apply(&pool, ApiTokenAction::Revoke { id: "nope".into() })
        .await
        .unwrap_err();
    assert!(unknown.contains("nope"), "{unknown}");
}
