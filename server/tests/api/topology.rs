//! The topology view of a synced estate: the full graph, an aggregated one, and SVG drawn on
//! the server with every label escaped.

use crate::overview::synced_toy_estate;

#[tokio::test(flavor = "multi_thread")]
async fn the_topology_draws_the_estate_and_aggregates_on_request() {
    let (emu, pool, _) = synced_toy_estate().await;
    let full = app::api::topology_sql::view(&pool, None).await.unwrap();
    assert!(full.total_nodes > 5, "{}", full.total_nodes);
    assert_eq!(
        full.nodes, full.total_nodes,
        "the toy estate fits the budget unaggregated"
    );
    assert!(
        full.svg.starts_with("<svg") && full.svg.contains("Shanghai DC"),
        "sites are drawn"
    );
    // Everything collapsed: one node per cloud plus the sites.
    let collapsed = app::api::topology_sql::view(&pool, Some(vec![]))
        .await
        .unwrap();
    assert!(
        collapsed.nodes < full.nodes,
        "{} vs {}",
        collapsed.nodes,
        full.nodes
    );
    assert!(collapsed.groups.iter().all(|g| !g.expanded));
    assert!(collapsed.svg.contains("Alibaba Cloud") && collapsed.svg.contains("Huawei Cloud"));
    emu.shutdown().await;
}
