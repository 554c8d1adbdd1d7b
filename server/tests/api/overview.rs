//! The overview query on a synced demo estate: what the Overview page shows, tested as the
//! plain function the server function calls.

use crate::helpers::{fresh_database, scratch_dir};
use emulator::{EmulatorConfig, EstateSize};
use std::sync::Arc;

/// The toy estate, registered as demo mode does, synced once.
pub async fn synced_toy_estate() -> (
    emulator::EmulatorHandle,
    sqlx::PgPool,
    Arc<store::crypto::KeyRing>,
) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let emu = emulator::spawn(EmulatorConfig::new(9, EstateSize::toy()), listener).await;
    let pool = fresh_database().await;
    let keys =
        Arc::new(store::crypto::KeyRing::load_or_create(&scratch_dir("keys").join("k")).unwrap());
    server::demo::ensure_accounts(&pool, &keys, &emu)
        .await
        .unwrap();
    let engine = sync::Engine::new(
        pool.clone(),
        keys.clone(),
        "t".into(),
        sync::SyncSettings::default(),
    );
    engine.sync_due().await.unwrap();
    (emu, pool, keys)
}

#[tokio::test(flavor = "multi_thread")]
async fn connections_filter_page_and_export_the_same_set() {
    use app::api::connections::ConnectionQuery;
    use app::api::connections_sql::{csv, page};
    let (emu, pool, _) = synced_toy_estate().await;
    let all = page(&pool, &ConnectionQuery::default()).await.unwrap();
    // Connections report their tunnels (the planted single-tunnel mistake reports none).
    let with_tunnels = all.rows.iter().filter(|r| !r.tunnels.is_empty()).count();
    assert!(
        all.total > 0 && with_tunnels as i64 >= all.total - 1,
        "{all:?}"
    );
    let huawei = ConnectionQuery {
        cloud: Some("huawei".into()),
        ..Default::default()
    };
    let only = page(&pool, &huawei).await.unwrap();
    assert!(only.total > 0 && only.total < all.total);
    assert!(only.rows.iter().all(|r| r.cloud == "huawei"));
    let exported = csv(&pool, &huawei).await.unwrap();
    assert_eq!(
        exported.lines().count() as i64,
        only.total + 1,
        "header + one line per row"
    );
    let bad = ConnectionQuery {
        state: Some("'; DROP TABLE resource; --".into()),
        ..Default::default()
    };
    assert!(matches!(
        page(&pool, &bad).await,
        Err(app::error::AppError::InvalidInput(_))
    ));
    let text = ConnectionQuery {
        q: Some("100%_\\".into()),
        ..Default::default()
    };
    assert_eq!(
        page(&pool, &text).await.unwrap().total,
        0,
        "LIKE wildcards are literal"
    );
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_text_search_counts_its_matches_on_every_page_in_the_pages_order() {
    use app::api::connections::ConnectionQuery;
    use app::api::connections_sql::{csv, page};
    let (emu, pool, _) = synced_toy_estate().await;
    let all = page(&pool, &ConnectionQuery::default()).await.unwrap();
    let rank = |s: &str| match s {
        "down" => 0,
        "partial" => 1,
        "up" => 3,
        _ => 2,
    };
    assert!(
        all.rows
            .windows(2)
            .all(|w| (rank(&w[0].state), w[0].since) <= (rank(&w[1].state), w[1].since)),
        "worst first, longest-broken first: {:?}",
        all.rows
            .iter()
            .map(|r| (&r.state, r.since))
            .collect::<Vec<_>>()
    );
    // A site's name, in other case: it matches through the customer gateway's row.
    let site = all.rows.iter().find_map(|r| r.site.clone()).unwrap();
    let text = ConnectionQuery {
        q: Some(site.to_uppercase()),
        ..Default::default()
    };
    let found = page(&pool, &text).await.unwrap();
    let expected = all
        .rows
        .iter()
        .filter(|r| r.site.as_ref() == Some(&site))
        .count();
    assert!(
        found.total >= expected as i64 && found.total < all.total,
        "{found:?}"
    );
    assert_eq!(found.rows.len() as i64, found.total.min(50));
    assert!(found.rows.iter().all(|r| r
        .customer_gateway
        .as_ref()
        .is_some_and(|cg| cg.contains(&site))
        || r.name
            .as_ref()
            .is_some_and(|n| n.to_lowercase().contains(&site.to_lowercase()))));
    assert_eq!(
        csv(&pool, &text).await.unwrap().lines().count() as i64,
        found.total + 1
    );
    // Past the last match: no rows, and still the total.
    let past = ConnectionQuery {
        page: Some(99),
        ..text.clone()
    };
    let beyond = page(&pool, &past).await.unwrap();
    assert!(beyond.rows.is_empty());
    assert_eq!(beyond.total, found.total);
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_overview_rolls_up_the_synced_estate_worst_first() {
    let (emu, pool, keys) = synced_toy_estate().await;
    // Act
    let overview = app::api::overview_sql::overview(&pool, chrono::Utc::now())
        .await
        .unwrap();
    // Assert
    assert_eq!(
        overview.regions.len(),
        2,
        "one region per cloud: {:?}",
        overview.regions
    );
    assert!(overview
        .regions
        .iter()
        .all(|r| !r.stale && r.last_error.is_none()));
    let downs: Vec<i64> = overview
        .regions
        .iter()
        .map(|r| r.connections.down)
        .collect();
    assert!(
        downs.windows(2).all(|w| w[0] >= w[1]),
        "worst first: {downs:?}"
    );
    let connections: i64 = overview.regions.iter().map(|r| r.connections.total()).sum();
    let expected: usize = {
        let estate = emu.state().estate();
        estate.accounts[0]
            .aliyun
            .iter()
            .map(|r| r.connections.len())
            .sum::<usize>()
            + estate.accounts[0]
                .huawei
                .iter()
                .map(|r| r.connections.len())
                .sum::<usize>()
    };
    assert_eq!(connections, expected as i64);
    assert!(
        overview.sites.iter().any(|s| s.clouds.len() == 2),
        "a site reached from both clouds: {:?}",
        overview.sites
    );
    assert!(overview.as_of.is_some());
    // A second run of the demo set-up (a restart, new emulator port) updates, never duplicates.
    server::demo::ensure_accounts(&pool, &keys, &emu)
        .await
        .unwrap();
    assert_eq!(
        store::accounts::list_accounts(&pool).await.unwrap().len(),
        2
    );
    emu.shutdown().await;
}
