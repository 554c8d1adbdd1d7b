//! Named topology layouts in PostgreSQL (shared and per user), and the working pins a drag
//! stores in the session, seen through the JSON export.

use crate::helpers::{fresh_database, spawn_app};
use app::api::topology_layouts::Pins;
use app::api::topology_layouts_sql::{delete, list, load, save};
use app::error::AppError;

fn pins(pairs: &[(&str, f32, f32)]) -> Pins {
    pairs
        .iter()
        .map(|(id, x, y)| (id.to_string(), [*x, *y]))
        .collect()
}

#[tokio::test]
async fn layouts_save_load_replace_and_delete() {
    // Arrange
    let pool = fresh_database().await;
    let (alice, bob) = (uuid::Uuid::new_v4(), uuid::Uuid::new_v4());
    let first = pins(&[("site/dc", 10.0, 20.5), ("group:Huawei Cloud", -3.0, 4.0)]);
    // Act
    let shared = save(&pool, None, "  NOC wall ", &first).await.unwrap();
    let own = save(&pool, Some(alice), "mine", &pins(&[("a", 1.0, 2.0)]))
        .await
        .unwrap();
    // Assert: names are trimmed, pins counted, shared layouts visible to all, own ones not.
    assert_eq!(
        (shared.name.as_str(), shared.pins, shared.shared),
        ("NOC wall", 2, true)
    );
    assert!(!own.shared);
    let names = |l: Vec<app::api::topology_layouts::SavedLayout>| {
        l.into_iter().map(|l| l.name).collect::<Vec<_>>()
    };
    assert_eq!(
        names(list(&pool, Some(alice)).await.unwrap()),
        ["mine", "NOC wall"]
    );
    assert_eq!(names(list(&pool, Some(bob)).await.unwrap()), ["NOC wall"]);
    assert_eq!(names(list(&pool, None).await.unwrap()), ["NOC wall"]);
    assert_eq!(load(&pool, Some(bob), shared.id).await.unwrap(), first);
    assert!(matches!(
        load(&pool, Some(bob), own.id).await,
        Err(AppError::NotFound(_))
    ));
    // Saving the same name again replaces the pins (same row); another owner gets its own row.
    let again = save(&pool, None, "NOC wall", &pins(&[("x", 0.0, 0.0)]))
        .await
        .unwrap();
    assert_eq!((again.id, again.pins), (shared.id, 1));
    let bobs = save(&pool, Some(bob), "NOC wall", &first).await.unwrap();
    assert_ne!(bobs.id, shared.id);
    // Only visible layouts can be deleted.
    assert!(matches!(
        delete(&pool, Some(bob), own.id).await,
        Err(AppError::NotFound(_))
    ));
    delete(&pool, Some(alice), own.id).await.unwrap();
    assert_eq!(names(list(&pool, Some(alice)).await.unwrap()), ["NOC wall"]);
}

#[tokio::test]
async fn bad_layouts_are_refused_with_the_reason() {
    let pool = fresh_database().await;
    let err = |r: Result<_, AppError>| match r {
        Err(AppError::InvalidInput(m)) => m,
        other => panic!("expected invalid input, got {other:?}"),
    };
    assert!(err(save(&pool, None, "   ", &Pins::new()).await).contains("layout name"));
    assert!(err(save(&pool, None, &"n".repeat(81), &Pins::new()).await).contains("80"));
    assert!(err(save(&pool, None, "x", &pins(&[("a", f32::NAN, 0.0)])).await).contains("pin of a"));
    assert!(err(save(&pool, None, "x", &pins(&[("", 0.0, 0.0)])).await).contains("node id"));
    let none: i64 = sqlx::query_scalar("SELECT count(*) FROM topology_layout")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(none, 0);
}

#[tokio::test]
async fn a_pin_is_kept_in_the_session_and_saved_as_a_layout() {
    // Arrange: an empty store still has the layouts and the session.
    let app = spawn_app().await;
    // Act: pin a node, save the pins as a shared layout, unpin, load the layout back.
    let pinned = app
        .server_fn(
            "topology/pin",
            &[("id", "site/dc"), ("x", "12.5"), ("y", "40")],
        )
        .await;
    assert_eq!(pinned.status(), 200, "{}", pinned.text().await.unwrap());
    let saved = app
        .server_fn("topology/layouts/save", &[("name", "wall")])
        .await;
    assert_eq!(saved.status(), 200);
    let saved: serde_json::Value = saved.json().await.unwrap();
    assert_eq!(
        (saved["pins"].as_u64(), saved["shared"].as_bool()),
        (Some(1), Some(true))
    );
    app.server_fn("topology/unpin_all", &[]).await;
    let id = saved["id"].as_str().unwrap().to_string();
    let loaded = app.server_fn("topology/layouts/load", &[("id", &id)]).await;
    // Assert: the layout is in PostgreSQL and its pins came back into the session.
    assert_eq!(loaded.text().await.unwrap(), "1");
    let stored: serde_json::Value = sqlx::query_scalar("SELECT pins FROM topology_layout")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, serde_json::json!({"site/dc": [12.5, 40.0]}));
    // A bad pin is refused with the reason; the JSON export answers a plain GET.
    let bad = app
        .server_fn("topology/pin", &[("id", "a"), ("x", "inf"), ("y", "0")])
        .await;
    assert!(bad.status().is_client_error() || bad.status().is_server_error());
    let json = app
        .client
        .get(app.url("/api/topology/graph.json?expand[0]=x"))
        .send()
        .await
        .unwrap();
    assert_eq!(json.status(), 200);
    let graph: serde_json::Value = json.json().await.unwrap();
    assert_eq!(graph["expanded"], serde_json::json!(["x"]));
    app.stop().await;
}
