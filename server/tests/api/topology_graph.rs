//! The topology graph model on hand-made store rows: tunnels and BGP behind the edges, one
//! site for customer gateways of both clouds, Express Connect parts, aggregation paths, and the
//! side panel's facts and links.

use app::api::topology_details::state_name;
use app::api::topology_graph_sql::build;
use app::api::topology_rows_sql::{state, Resource};
use serde_json::json;

fn row(
    cloud: &str,
    kind: &str,
    id: &str,
    parent: Option<&str>,
    st: &str,
    attrs: serde_json::Value,
) -> Resource {
    Resource {
        cloud: cloud.into(),
        account: format!("{cloud}-acct"),
        region: "r1".into(),
        kind: kind.into(),
        id: id.into(),
        name: None,
        parent: parent.map(str::to_string),
        state: state(st),
        raw_state: None,
        site_key: None,
        attrs,
    }
}

/// Alibaba: VPC → gateway → connection with two tunnels (BGP down over one) → customer gateway
/// → site "dc"; Huawei: a connection without tunnel rows to a customer gateway at the same
/// site; a VBR on a leased line, with a router interface pair to the VPC.
fn estate() -> Vec<Resource> {
    let mut cgw_a = row(
        "aliyun",
        "customer_gateway",
        "cgw-a",
        None,
        "unknown",
        json!({}),
    );
    cgw_a.site_key = Some("dc".into());
    cgw_a.name = Some("Shanghai DC".into());
    let mut cgw_h = row(
        "huawei",
        "customer_gateway",
        "cgw-h",
        None,
        "unknown",
        json!({}),
    );
    cgw_h.site_key = Some("dc".into());
    vec![
        row(
            "aliyun",
            "vpc",
            "vpc-1",
            None,
            "up",
            json!({"vrouter_id": "vrt-1", "cidrs": ["10.0.0.0/16"]}),
        ),
        row(
            "aliyun",
            "vpn_gateway",
            "gw-1",
            None,
            "up",
            json!({"vpc_id": "vpc-1"}),
        ),
        row(
            "aliyun",
            "connection",
            "c-1",
            Some("gw-1"),
            "up",
            json!({"customer_gateway_id": "cgw-a"}),
        ),
        row(
            "aliyun",
            "tunnel",
            "t-1",
            Some("c-1"),
            "up",
            json!({"peer_ip": "198.51.100.1"}),
        ),
        row("aliyun", "tunnel", "t-2", Some("c-1"), "up", json!({})),
        row(
            "aliyun",
            "bgp_session",
            "b-2",
            None,
            "down",
            json!({"over_id": "t-2"}),
        ),
        cgw_a,
        row("aliyun", "vbr", "vbr-1", Some("pc-1"), "up", json!({})),
        row(
            "aliyun",
            "physical_connection",
            "pc-1",
            None,
            "up",
            json!({}),
        ),
        row(
            "aliyun",
            "router_interface",
            "ri-1",
            Some("vrt-1"),
            "up",
            json!({"opposite_interface_id": "ri-2"}),
        ),
        row(
            "aliyun",
            "router_interface",
            "ri-2",
            Some("vbr-1"),
            "up",
            json!({"opposite_interface_id": "ri-1"}),
        ),
        row("huawei", "vpn_gateway", "gw-h", None, "up", json!({})),
        row(
            "huawei",
            "connection",
            "c-h",
            Some("gw-h"),
            "up",
            json!({"customer_gateway_id": "cgw-h"}),
        ),
        cgw_h,
    ]
}

fn edge_state(g: &app::api::topology_graph_sql::StoreGraph, from: &str, to: &str) -> &'static str {
    let e = g.graph.edges.iter().find(|e| e.from == from && e.to == to);
    state_name(e.unwrap_or_else(|| panic!("no edge {from} → {to}")).state)
}

#[test]
fn edges_carry_the_worst_tunnel_and_bgp_state_and_sites_are_shared() {
    let g = build(&estate());
    let a = |kind: &str, id: &str| format!("aliyun-acct/r1/{kind}/{id}");
    // The down BGP session over tunnel 2 shows on its tunnel's edges and up to the gateway.
    assert_eq!(
        edge_state(&g, &a("connection", "c-1"), &a("tunnel", "t-1")),
        "up"
    );
    assert_eq!(
        edge_state(&g, &a("connection", "c-1"), &a("tunnel", "t-2")),
        "down"
    );
    assert_eq!(
        edge_state(&g, &a("tunnel", "t-2"), &a("customer_gateway", "cgw-a")),
        "down"
    );
    assert_eq!(
        edge_state(&g, &a("vpn_gateway", "gw-1"), &a("connection", "c-1")),
        "down"
    );
    // One site node for both clouds' customer gateways; one up path and one down: degraded.
    let sites: Vec<_> = g
        .graph
        .nodes
        .iter()
        .filter(|n| n.id.starts_with("site/"))
        .collect();
    assert_eq!(sites.len(), 1, "{sites:?}");
    assert_eq!(sites[0].label, "Shanghai DC");
    assert_eq!(state_name(sites[0].state), "degraded");
    assert_eq!(
        edge_state(
            &g,
            "huawei-acct/r1/connection/c-h",
            "huawei-acct/r1/customer_gateway/cgw-h"
        ),
        "up"
    );
    assert_eq!(
        edge_state(&g, "huawei-acct/r1/customer_gateway/cgw-h", "site/dc"),
        "up"
    );
    // Express Connect: VBR on its line, the router interface pair between VPC and VBR.
    edge_state(&g, &a("vbr", "vbr-1"), &a("physical_connection", "pc-1"));
    edge_state(&g, &a("vpc", "vpc-1"), &a("router_interface", "ri-1"));
    edge_state(&g, &a("vbr", "vbr-1"), &a("router_interface", "ri-2"));
    edge_state(
        &g,
        &a("router_interface", "ri-1"),
        &a("router_interface", "ri-2"),
    );
    assert!(!g
        .graph
        .edges
        .iter()
        .any(|e| e.from == a("router_interface", "ri-2") && e.to == a("router_interface", "ri-1")));
    // Tunnels fall in their connection's group, inside its gateway's.
    let tunnel = g
        .graph
        .nodes
        .iter()
        .position(|n| n.id == a("tunnel", "t-1"))
        .unwrap();
    let path = &g.groups[tunnel];
    assert_eq!(path.len(), 4, "{path:?}");
    assert!(
        path[3].ends_with("› c-1") && path[2].ends_with("› gw-1"),
        "{path:?}"
    );
    // The side panel's facts come from the neutral model, and link to the connection.
    let d = &g.details[&a("tunnel", "t-1")];
    assert!(
        d.facts
            .contains(&("Peer IP".to_string(), "198.51.100.1".to_string())),
        "{d:?}"
    );
    assert!(
        d.links.iter().any(|(_, href)| href == "/connections/c-1"),
        "{d:?}"
    );
}
