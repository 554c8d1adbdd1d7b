//! Sessions in PostgreSQL: the cookie's flags, and a preference stored by a server function
//! that the next server render already shows.

use crate::helpers::spawn_app;

#[tokio::test]
async fn a_preference_saved_by_a_server_function_shapes_the_next_render() {
    // Arrange
    let app = spawn_app().await;
    let before = app
        .client
        .get(app.url("/settings"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(before.contains("density-comfortable"));
    // Act
    let resp = app
        .server_fn("preferences/density", &[("density", "Compact")])
        .await;
    // Assert: the cookie is HttpOnly + SameSite=Lax, the row is in PostgreSQL, the page follows.
    assert_eq!(resp.status(), 200);
    let cookie = resp
        .headers()
        .get("set-cookie")
        .expect("a session cookie")
        .to_str()
        .unwrap()
        .to_string();
    assert!(cookie.starts_with("gatewatch_session="), "{cookie}");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    let rows: i64 = sqlx::query_scalar("SELECT count(*) FROM tower_sessions.session")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(rows, 1);
    let after = app
        .client
        .get(app.url("/settings"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        after.contains("density-compact"),
        "the render follows the session"
    );
    app.stop().await;
}

#[tokio::test]
async fn an_invalid_preference_is_refused_and_stores_nothing() {
    let app = spawn_app().await;
    let resp = app
        .server_fn("preferences/density", &[("density", "Enormous")])
        .await;
    assert!(
        resp.status().is_client_error() || resp.status().is_server_error(),
        "{}",
        resp.status()
    );
    let rows: i64 = sqlx::query_scalar("SELECT count(*) FROM tower_sessions.session")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(rows, 0);
    app.stop().await;
}
