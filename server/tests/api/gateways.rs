//! Gateways and sites on a synced estate: sites merged across clouds with the same tunnel
//! figures as the Overview's roll-up, worst first, filters, bad input named.

use crate::overview::synced_toy_estate;
use app::api::gateways::{GatewayQuery, TunnelTally};
use app::api::gateways_sql::gateways;
use chrono::Utc;

#[tokio::test(flavor = "multi_thread")]
async fn gateways_and_sites_roll_up_worst_first_and_filter() {
    // Arrange
    let (emu, pool, _) = synced_toy_estate().await;
    // Act
    let all = gateways(&pool, &GatewayQuery::default(), Utc::now())
        .await
        .unwrap();
    // Assert: both clouds' gateways, each connection of the store under exactly one gateway.
    assert!(all.as_of.is_some(), "data as of the sync");
    let clouds: std::collections::BTreeSet<_> =
        all.gateways.iter().map(|g| g.cloud.as_str()).collect();
    assert_eq!(clouds.len(), 2, "gateways of both clouds: {clouds:?}");
    let linked: usize = all.gateways.iter().map(|g| g.connections.len()).sum();
    let stored: i64 =
        sqlx::query_scalar("SELECT count(*) FROM resource_current WHERE kind = 'connection'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(
        linked as i64, stored,
        "every connection hangs off its gateway"
    );
    let ranks: Vec<usize> = all.gateways.iter().map(|g| g.tunnels.rank()).collect();
    assert!(
        ranks.windows(2).all(|w| w[0] <= w[1]),
        "worst first: {ranks:?}"
    );
    let site_ranks: Vec<usize> = all.sites.iter().map(|s| s.tunnels.rank()).collect();
    assert!(
        site_ranks.windows(2).all(|w| w[0] <= w[1]),
        "sites worst first: {site_ranks:?}"
    );
    // Sites: the store's merge, with the Overview's tunnel figures.
    let across = all
        .sites
        .iter()
        .find(|s| s.clouds.len() == 2)
        .expect("a site reached from both clouds");
    assert!(
        across.headline().ends_with("across 2 clouds"),
        "{}",
        across.headline()
    );
    assert_eq!(TunnelTally::of(&across.connections), across.tunnels);
    let overview = app::api::overview_sql::overview(&pool, Utc::now())
        .await
        .unwrap();
    let ours: (i64, i64) = all
        .sites
        .iter()
        .fold((0, 0), |a, s| (a.0 + s.tunnels.up, a.1 + s.tunnels.total));
    let theirs: (i64, i64) = overview
        .sites
        .iter()
        .fold((0, 0), |a, s| (a.0 + s.tunnels_up, a.1 + s.tunnels));
    assert_eq!(ours, theirs, "same tunnels as the Overview's sites");

    // Filters narrow, and say what was wrong.
    let huawei = GatewayQuery {
        cloud: Some("huawei".into()),
        ..Default::default()
    };
    let only = gateways(&pool, &huawei, Utc::now()).await.unwrap();
    assert!(!only.gateways.is_empty() && only.gateways.len() < all.gateways.len());
    assert!(only.gateways.iter().all(|g| g.cloud == "huawei"));
    assert!(only
        .sites
        .iter()
        .all(|s| s.clouds.contains(&"huawei".to_string())));
    let worst = all.gateways[0].tunnels.rollup().to_string();
    let by_state = GatewayQuery {
        state: Some(worst.clone()),
        ..Default::default()
    };
    let same = gateways(&pool, &by_state, Utc::now()).await.unwrap();
    assert!(!same.gateways.is_empty() && same.gateways.iter().all(|g| g.tunnels.rollup() == worst));
    let text = GatewayQuery {
        q: Some(across.name.clone()),
        ..Default::default()
    };
    let found = gateways(&pool, &text, Utc::now()).await.unwrap();
    assert!(found.sites.iter().any(|s| s.key == across.key));
    let none = GatewayQuery {
        q: Some("no-such-gateway-anywhere".into()),
        ..Default::default()
    };
    let empty = gateways(&pool, &none, Utc::now()).await.unwrap();
    assert!(empty.gateways.is_empty() && empty.sites.is_empty() && empty.unfiltered > 0);
    let bad = GatewayQuery {
        state: Some("sideways".into()),
        ..Default::default()
    };
    let err = gateways(&pool, &bad, Utc::now()).await.unwrap_err();
    assert!(
        err.to_string()
            .contains("state must be one of down, partial, up, unused"),
        "{err}"
    );
    emu.shutdown().await;
}
