//! The topology view of a synced estate: aggregation, SVG escaped on the server, pins kept,
//! side-panel details (the graph model's rules are tested in `topology_graph`).

use crate::overview::synced_toy_estate;
use app::api::topology_layouts::Pins;

#[tokio::test(flavor = "multi_thread")]
async fn the_topology_draws_the_estate_and_aggregates_on_request() {
    let (emu, pool, _) = synced_toy_estate().await;
    let none = Pins::new();
    let full = app::api::topology_sql::view(&pool, None, &none)
        .await
        .unwrap();
    assert!(full.total_nodes > 5, "{}", full.total_nodes);
    assert_eq!(
        full.nodes, full.total_nodes,
        "the toy estate fits the budget unaggregated"
    );
    assert!(
        full.svg.starts_with("<svg") && full.svg.contains("Shanghai DC"),
        "sites are drawn"
    );
    assert!(
        full.details.iter().any(|d| d.kind == "Tunnel"),
        "tunnels are drawn"
    );
    assert!(full.details.iter().any(|d| d.kind == "Customer gateway"));
    assert_eq!(full.details.len(), full.nodes);
    // Everything collapsed: one node per cloud plus the sites.
    let collapsed = app::api::topology_sql::view(&pool, Some(vec![]), &none)
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
    // Only the clouds can be toggled while everything is collapsed.
    assert_eq!(collapsed.groups.len(), 2, "{:?}", collapsed.groups);
    let group = collapsed
        .details
        .iter()
        .find(|d| d.group.is_some())
        .unwrap();
    assert!(group.members > 1);
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_pinned_node_is_drawn_where_it_was_pinned() {
    let (emu, pool, _) = synced_toy_estate().await;
    let free = app::api::topology_export::ssr::export(&pool, Vec::new(), &Pins::new())
        .await
        .unwrap();
    let site = free.nodes.iter().find(|n| n.kind == "Site").unwrap();
    let pins = Pins::from([(site.id.clone(), [site.x + 400.0, site.y - 300.0])]);
    let pinned = app::api::topology_export::ssr::export(&pool, Vec::new(), &pins)
        .await
        .unwrap();
    let moved = pinned.nodes.iter().find(|n| n.id == site.id).unwrap();
    assert_eq!(
        (moved.x, moved.y, moved.pinned),
        (site.x + 400.0, site.y - 300.0, true)
    );
    assert_eq!(pinned.nodes.iter().filter(|n| n.pinned).count(), 1);
    let view = app::api::topology_sql::view(&pool, Some(vec![]), &pins)
        .await
        .unwrap();
    assert_eq!(view.pinned, 1);
    assert!(view.svg.contains("data-pinned=\"true\""));
    assert!(view.details.iter().any(|d| d.id == site.id && d.pinned));
    emu.shutdown().await;
}
