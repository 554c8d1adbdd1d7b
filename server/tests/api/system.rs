//! The system status read from PostgreSQL, the database check, and replicas seeing each other.

use crate::helpers::{spawn_app, spawn_app_on};
use app::api::system::{DatabasePing, SystemStatus};
use app::state::DatabaseKind;

#[tokio::test]
async fn the_status_lists_migrations_and_this_instance() {
    let app = spawn_app().await;
    let status =
        app::api::system::ssr::system_status(&app.pool, &DatabaseKind::External, uuid::Uuid::nil())
            .await
            .unwrap();
    assert!(
        status.postgres_version.starts_with(char::is_numeric),
        "{}",
        status.postgres_version
    );
    assert_eq!(status.migrations.len(), server::db::MIGRATOR.iter().count());
    assert!(status.migrations.iter().all(|m| m.success));
    assert_eq!(
        status.instances.len(),
        1,
        "the running server registered itself"
    );
    assert_eq!(status.database_mode, "external (DATABASE_URL)");
    app.stop().await;
}

#[tokio::test]
async fn the_status_server_function_answers_json() {
    let app = spawn_app().await;
    let resp = app.server_fn("system/status", &[]).await;
    assert_eq!(resp.status(), 200);
    let status: SystemStatus = resp.json().await.unwrap();
    assert_eq!(status.instances.iter().filter(|i| i.is_self).count(), 1);
    app.stop().await;
}

#[tokio::test]
async fn the_database_check_reports_a_round_trip() {
    let app = spawn_app().await;
    let resp = app.server_fn("system/ping", &[]).await;
    assert_eq!(resp.status(), 200);
    let ping: DatabasePing = resp.json().await.unwrap();
    assert!(
        ping.round_trip_ms >= 0.0 && ping.round_trip_ms < 10_000.0,
        "{ping:?}"
    );
    app.stop().await;
}

#[tokio::test]
async fn replicas_on_one_database_see_each_other_and_a_stopped_one_leaves() {
    // Arrange: two servers on one database.
    let first = spawn_app().await;
    let second = spawn_app_on(first.pool.clone()).await;
    let live = |pool| async move {
        app::api::system::ssr::system_status(pool, &DatabaseKind::External, uuid::Uuid::nil())
            .await
            .unwrap()
            .instances
            .len()
    };
    // Assert: both registered.
    assert_eq!(live(&first.pool).await, 2);
    // Act: stop one gracefully.
    let pool = first.pool.clone();
    second.stop().await;
    // Assert: only the running one is listed.
    assert_eq!(live(&pool).await, 1);
    first.stop().await;
}

#[tokio::test]
async fn a_database_error_reaches_the_browser_as_a_safe_message() {
    let app = spawn_app().await;
    sqlx::query("DROP TABLE server_instance")
        .execute(&app.pool)
        .await
        .unwrap();
    let resp = app.server_fn("system/status", &[]).await;
    assert_eq!(resp.status(), 500);
    let body = resp.text().await.unwrap();
    assert!(body.contains("Internal"), "{body}");
    assert!(
        !body.contains("server_instance"),
        "no SQL detail leaks: {body}"
    );
    app.stop().await;
}
