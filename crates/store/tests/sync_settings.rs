//! The sync settings table against a real PostgreSQL: nothing stored means the defaults, saves
//! replace the one row, bad values never reach it (the checks name the field, and the table's
//! own constraints hold too), budgets upsert per (account or every account, API) and hide
//! removed accounts' rows.

mod common;

use common::{account, db};
use store::sync_settings::{self as settings, Defaults, Overrides};
use store::Error;

fn invalid_field<T: std::fmt::Debug>(r: store::Result<T>) -> &'static str {
    match r {
        Err(Error::Invalid { field, .. }) => field,
        other => panic!("expected an invalid field, got {other:?}"),
    }
}

#[tokio::test]
async fn settings_start_empty_save_replace_and_refuse_bad_values() {
    // Arrange
    let pool = db().await;
    let d = Defaults::default();

    // Act + Assert: nothing stored yet.
    let stored = settings::load(&pool).await.unwrap();
    assert_eq!(stored.overrides, Overrides::default());
    assert_eq!(stored.overrides.effective(&d), d);

    let first = Overrides {
        hot_interval_secs: Some(10),
        cold_interval_secs: None,
        history_retention_days: Some(7),
    };
    let saved = settings::save(&pool, first, &d, "root").await.unwrap();
    assert_eq!(saved.overrides, first);
    assert_eq!(saved.updated_by.as_deref(), Some("root"));
    assert_eq!(saved.overrides.effective(&d).cold_interval_secs, 600);

    // A second save replaces the first (one row), blanks included.
    let second = Overrides {
        cold_interval_secs: Some(120),
        ..Overrides::default()
    };
    settings::save(&pool, second, &d, "ops").await.unwrap();
    let stored = settings::load(&pool).await.unwrap();
    assert_eq!(stored.overrides, second);
    let rows: i64 = sqlx::query_scalar("SELECT count(*) FROM sync_setting")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(rows, 1);

    // Bad values are refused before the table, naming the field; the stored row is unchanged.
    let bad = Overrides {
        cold_interval_secs: Some(3),
        ..Overrides::default()
    };
    assert_eq!(
        invalid_field(settings::save(&pool, bad, &d, "x").await),
        "cold_interval_secs"
    );
    assert_eq!(settings::load(&pool).await.unwrap().overrides, second);
    // The table's own check holds for anyone writing around the store.
    let direct = sqlx::query("UPDATE sync_setting SET hot_interval_secs = 1")
        .execute(&pool)
        .await;
    assert!(direct.is_err());
}

#[tokio::test]
async fn budgets_upsert_per_scope_and_api_and_skip_removed_accounts() {
    // Arrange
    let pool = db().await;
    let acc = account(&pool).await;
    let api = "DescribeVpnConnections";

    // Act: every account, twice (the second replaces), then one account's own.
    settings::set_budget(&pool, None, api, 100, "root")
        .await
        .unwrap();
    settings::set_budget(&pool, None, api, 120, "root")
        .await
        .unwrap();
    let own = settings::set_budget(&pool, Some(acc.id), api, 7, "root")
        .await
        .unwrap();

    // Assert
    let list = settings::list_budgets(&pool).await.unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!((list[0].account_id, list[0].calls_per_minute), (None, 120));
    assert_eq!(list[1].account_name.as_deref(), Some("main"));
    assert_eq!(own.calls_per_minute, 7);
    assert_eq!(
        invalid_field(settings::set_budget(&pool, None, api, 0, "r").await),
        "calls_per_minute"
    );
    assert_eq!(
        invalid_field(settings::set_budget(&pool, None, "a;b", 5, "r").await),
        "api"
    );
    let nobody = Some(uuid::Uuid::new_v4());
    assert_eq!(
        invalid_field(settings::set_budget(&pool, nobody, api, 5, "r").await),
        "account"
    );

    // A removed account's budget is no longer listed (nor applied); removal by id works.
    store::accounts::delete_account(&pool, acc.id)
        .await
        .unwrap();
    let list = settings::list_budgets(&pool).await.unwrap();
    assert_eq!(list.len(), 1);
    let gone = settings::remove_budget(&pool, list[0].id).await.unwrap();
    assert_eq!(gone.api, api);
    assert!(settings::list_budgets(&pool).await.unwrap().is_empty());
    assert!(matches!(
        settings::remove_budget(&pool, list[0].id).await,
        Err(Error::NotFound { .. })
    ));
}
