//! The NOC wall: a token sees only its scope, stops working when revoked or expired, and its
//! event stream announces store changes and ends with `revoked`.

use crate::helpers::{scratch_dir, settings_without_guests, spawn_app_with};
use crate::overview::synced_toy_estate;
use app::api::wall_sql::view;
use app::api::wall_tokens::ssr::{create, revoke, scope_from_lists};
use app::error::AppError;
use chrono::Utc;
use futures_util::StreamExt;

fn token_of(path: &str) -> &str {
    path.strip_prefix("/wall/").expect("a wall path")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wall_token_reads_only_its_scope_until_revoked() {
    let (_emu, pool, _) = synced_toy_estate().await;
    let now = Utc::now();
    let everything = create(
        &pool,
        "admin",
        "all",
        scope_from_lists("", "", "", "").unwrap(),
        30,
        now,
    )
    .await
    .unwrap();
    let huawei = create(
        &pool,
        "admin",
        "huawei only",
        scope_from_lists("huawei", "", "", "").unwrap(),
        30,
        now,
    )
    .await
    .unwrap();
    let all = view(&pool, token_of(&everything.path), now).await.unwrap();
    let clouds: std::collections::BTreeSet<_> =
        all.regions.iter().map(|r| r.cloud.as_str()).collect();
    assert_eq!(clouds.into_iter().collect::<Vec<_>>(), ["aliyun", "huawei"]);
    assert!(!all.sites.is_empty(), "the toy estate has sites");

    let scoped = view(&pool, token_of(&huawei.path), now).await.unwrap();
    assert!(!scoped.regions.is_empty());
    assert!(
        scoped.regions.iter().all(|r| r.cloud == "huawei"),
        "{:?}",
        scoped.regions
    );
    assert!(
        scoped.sites.iter().all(|s| s.clouds == ["huawei"]),
        "{:?}",
        scoped.sites
    );
    assert!(scoped.changes.iter().all(|c| c.cloud == "huawei"));
    assert_eq!(scoped.scope, "clouds huawei");

    // A site-scoped wall shows that site only, and no region tiles.
    let site = all.sites[0].site.clone();
    let one_site = create(
        &pool,
        "admin",
        "one site",
        scope_from_lists("", "", "", &site).unwrap(),
        1,
        now,
    )
    .await
    .unwrap();
    let v = view(&pool, token_of(&one_site.path), now).await.unwrap();
    assert_eq!(
        v.sites.iter().map(|s| s.site.as_str()).collect::<Vec<_>>(),
        [site.as_str()]
    );
    assert!(v.regions.is_empty());

    // Revoked, expired and made-up tokens all read as "not valid", without saying which.
    let id: uuid::Uuid = sqlx::query_scalar("SELECT id FROM wall_token WHERE name = 'huawei only'")
        .fetch_one(&pool)
        .await
        .unwrap();
    revoke(&pool, "admin", &id.to_string(), now).await.unwrap();
    for (token, at) in [
        (token_of(&huawei.path), now),
        (token_of(&one_site.path), now + chrono::Duration::days(2)),
        ("gww_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", now),
        ("../../etc/passwd", now),
    ] {
        assert!(
            matches!(view(&pool, token, at).await, Err(AppError::NotFound(_))),
            "{token}"
        );
    }
    assert!(scope_from_lists("gcp", "", "", "")
        .unwrap_err()
        .to_string()
        .contains("gcp"));
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE action IN ('wall_token_created', 'wall_token_revoked')",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(audited, 4);
}

/// Reads the event stream until an event named `name` arrives (or 20 s pass).
async fn next_event(
    stream: &mut (impl futures_util::Stream<Item = reqwest::Result<bytes::Bytes>> + Unpin),
    name: &str,
) -> bool {
    let mut seen = String::new();
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
    while let Ok(Some(Ok(chunk))) = tokio::time::timeout_at(deadline, stream.next()).await {
        seen.push_str(&String::from_utf8_lossy(&chunk));
        if seen.contains(&format!("event: {name}")) {
            return true;
        }
    }
    false
}

async fn touch_freshness(pool: &sqlx::PgPool) {
    sqlx::query("UPDATE sync_freshness SET last_success_at = now()")
        .execute(pool)
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn the_wall_stream_announces_changes_and_ends_when_revoked() {
    let (_emu, pool, _) = synced_toy_estate().await;
    let _ = scratch_dir("wall-sse");
    let app = spawn_app_with(pool.clone(), settings_without_guests()).await;
    let created = create(
        &pool,
        "admin",
        "sse",
        scope_from_lists("", "", "", "").unwrap(),
        1,
        Utc::now(),
    )
    .await
    .unwrap();
    // The page itself needs no sign-in, even on a server without guests.
    let page = reqwest::get(app.url(&created.path)).await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("id=\"wall-banner\""),
        "the wall renders on the server"
    );
    assert!(
        !html.contains(token_of(&created.path))
            || html.matches(token_of(&created.path)).count() <= 2,
        "the token appears only where the page's own URL needs it"
    );
    assert_eq!(
        reqwest::get(app.url("/wall/gww_nonsense"))
            .await
            .unwrap()
            .status(),
        404
    );
    assert_eq!(
        reqwest::get(app.url("/wall/gww_nonsense/events"))
            .await
            .unwrap()
            .status(),
        404
    );

    let events = reqwest::get(app.url(&format!("{}/events", created.path)))
        .await
        .unwrap();
    assert_eq!(events.headers()["content-type"], "text/event-stream");
    let mut stream = events.bytes_stream();
    touch_freshness(&pool).await;
    assert!(
        next_event(&mut stream, "change").await,
        "a store change reaches the wall"
    );
    let id: uuid::Uuid = sqlx::query_scalar("SELECT id FROM wall_token WHERE name = 'sse'")
        .fetch_one(&pool)
        .await
        .unwrap();
    revoke(&pool, "admin", &id.to_string(), Utc::now())
        .await
        .unwrap();
    touch_freshness(&pool).await;
    assert!(
        next_event(&mut stream, "revoked").await,
        "the stream ends with `revoked`"
    );
    assert_eq!(
        reqwest::get(app.url(&created.path)).await.unwrap().status(),
        404
    );
    app.stop().await;
}

#[tokio::test]
async fn an_open_event_stream_does_not_hold_up_a_graceful_shutdown() {
    let app = crate::helpers::spawn_app().await;
    let events = app.client.get(app.url("/events")).send().await.unwrap();
    assert_eq!(events.headers()["content-type"], "text/event-stream");
    let mut stream = events.bytes_stream();
    let stopped = tokio::time::timeout(std::time::Duration::from_secs(10), app.stop()).await;
    assert!(
        stopped.is_ok(),
        "the server waited for the browser's event stream"
    );
    // The stream ended rather than hanging (the browser reconnects to the next server).
    let rest = tokio::time::timeout(std::time::Duration::from_secs(5), async {
        while let Some(Ok(_)) = stream.next().await {}
    })
    .await;
    assert!(rest.is_ok());
}
