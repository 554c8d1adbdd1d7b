//! Connection routes and the gateway routing table.

use super::parse;
use crate::map::huawei::{connection_routes, gateway_route, routing_table};
use crate::model::{ResourceItem, Route, RouteSource, Spec, State};
use huawei::types as hw;

fn route(it: &ResourceItem) -> &Route {
    match &it.spec {
        Spec::Route(r) => r,
        other => panic!("not a route: {other:?}"),
    }
}

/// Seed 004 lines 4523-4568; plus a static route (no `as_path`) and a negative `med`.
#[test]
fn routing_table_learned_and_static() {
    let r: hw::RoutingTableResponse = parse(
        r#"{"routing_table":[
        {"destination":"192.168.0.0/24","nexthop":"192.168.0.240","outbound_interface_ip":"192.168.0.240",
         "origin":"igp","as_path":"64513","med":0,
         "nexthop_resource":{"id":"fd8e4220-cdcd-4c84-809e-09fd3148b24b","type":"vpn_connection"}},
        {"destination":"222.69.222.1/32","nexthop":"169.254.1.2","outbound_interface_ip":"169.254.1.1",
         "origin":"igp","as_path":"64513","med":0,
         "nexthop_resource":{"id":"e3c28cc1-fb34-4acd-97f9-29d8e42efe0f","type":"vpn_gateway"}},
        {"destination":"222.69.222.2/32","nexthop":"169.254.2.2","outbound_interface_ip":"169.254.2.1",
         "origin":"igp","as_path":"64513","med":0,
         "nexthop_resource":{"id":"85d31993-f519-49ea-8d2e-7afeffb8ef5e","type":"vpn_connection"}},
        {"destination":"10.8.0.0/16","nexthop":"169.254.3.2","as_path":"","med":-1}],
      "total_count":4,"page_info":{"current_count":4}}"#,
    );
    let gw = "b32d91a4-demo-a8df-va86-e907174eb11d";
    let items = routing_table(gw, &r.routing_table);
    assert_eq!(items.len(), 4);
    let first = route(&items[0]);
    assert_eq!(first.source, RouteSource::BgpLearned);
    assert_eq!(first.table_id, gw);
    assert_eq!(first.destination, "192.168.0.0/24");
    assert_eq!(
        first.next_hop.as_deref(),
        Some("fd8e4220-cdcd-4c84-809e-09fd3148b24b")
    );
    assert_eq!(first.next_hop_type.as_deref(), Some("vpn_connection"));
    assert_eq!(
        (first.as_path.as_deref(), first.med),
        (Some("64513"), Some(0))
    );
    assert_eq!(items[0].parent_id.as_deref(), Some(gw));
    assert_eq!(items[0].cloud_id, first.key());
    assert_eq!(items[0].state.state, State::Up);
    let fixed = route(&items[3]);
    assert_eq!(fixed.source, RouteSource::HuaweiGateway);
    assert_eq!(
        (fixed.next_hop.as_deref(), fixed.next_hop_type.as_deref()),
        (Some("169.254.3.2"), None)
    );
    assert_eq!((fixed.as_path.as_deref(), fixed.med), (None, None));
    let none: hw::RouteEntry = parse(r#"{"nexthop":"169.254.3.2"}"#);
    assert!(gateway_route(&none, gw).is_none());
}

/// Seed 004 lines 9011-9084: a POLICY connection → one route per rule destination.
#[test]
fn policy_connection_routes() {
    let r: hw::ShowVpnConnectionResponse = parse(
        r#"{"vpn_connection":{
        "id":"98c5af8a-demo-a8df-va86-ae2280a6f4c3","name":"vpn-1655","status":"DOWN",
        "vgw_id":"b32d91a4-demo-a8df-va86-e907174eb11d","vgw_ip":"0c464dad-demo-a8df-va86-c22bb0eb0bde",
        "style":"POLICY","cgw_id":"5247ae10-demo-a8df-va86-dd36659a7f5d",
        "peer_subnets":["192.168.0.0/24"],"tunnel_local_address":"169.254.56.225/30",
        "tunnel_peer_address":"169.254.56.226/30",
        "policy_rules":[{"rule_index":1,"source":"10.0.0.0/24","destination":["192.168.0.0/24","192.168.9.0/24"]}],
        "created_at":"2025-06-26T13:41:34.626Z","ha_role":"master","tags":[],"policy_rules_v6":[]},
      "request_id":"f91082d4-6d49-479c-ad1d-4e552a9f5cae"}"#,
    );
    let items = connection_routes(&r.vpn_connection);
    assert_eq!(items.len(), 2);
    let a = route(&items[0]);
    assert_eq!(a.source, RouteSource::HuaweiConnection);
    assert_eq!(a.table_id, "b32d91a4-demo-a8df-va86-e907174eb11d");
    assert_eq!(a.source_cidr.as_deref(), Some("10.0.0.0/24"));
    assert_eq!(a.destination, "192.168.0.0/24");
    assert_eq!(
        a.next_hop.as_deref(),
        Some("98c5af8a-demo-a8df-va86-ae2280a6f4c3")
    );
    assert_eq!(a.next_hop_type.as_deref(), Some("vpn_connection"));
    assert_eq!(
        items[0].parent_id.as_deref(),
        Some("b32d91a4-demo-a8df-va86-e907174eb11d")
    );
    assert_eq!(items[0].raw["policy_rule"]["rule_index"], 1);
    assert_eq!(route(&items[1]).destination, "192.168.9.0/24");
}

/// Seed 004 lines 9514-9621 (first item): a STATIC connection → its peer subnets; a BGP
/// connection has no configured routes.
#[test]
fn static_and_bgp_connection_routes() {
    let r: hw::ListVpnConnectionsResponse = parse(
        r#"{"vpn_connections":[{
        "id":"228a68f0-demo-a8df-va86-a9919a3ea3de","name":"vpn-56ea","status":"DOWN",
        "vgw_id":"ba90819b-demo-a8df-va86-3a01622856a5","vgw_ip":"3ea3b006-demo-a8df-va86-ae180ae07885",
        "style":"STATIC","cgw_id":"537d9c26-demo-a8df-va86-99364a410f00","peer_subnets":["192.168.1.0/24"],
        "peer_subnets_v6":["fd00:1::/64"],
        "tunnel_local_address":"169.254.149.2/30","tunnel_peer_address":"169.254.149.1/30","enable_nga":true,
        "created_at":"2025-06-11T13:59:59.633Z","updated_at":"2025-06-11T13:59:59.633Z","enterprise_project_id":"0"}],
      "page_info":{"current_count":1},"request_id":"1d94a4e8-fdc2-7bfd-943e-19bfadb234ac","total_count":1}"#,
    );
    let mut c = r.vpn_connections[0].clone();
    let items = connection_routes(&c);
    let dests: Vec<_> = items.iter().map(|i| route(i).destination.clone()).collect();
    assert_eq!(dests, ["192.168.1.0/24", "fd00:1::/64"]);
    assert_eq!(route(&items[0]).source_cidr, None);
    assert_eq!(items[0].state.state, State::Up);
    c.style = Some("BGP".into());
    assert!(connection_routes(&c).is_empty());
    c.id = String::new();
    c.style = Some("STATIC".into());
    assert!(connection_routes(&c).is_empty());
}
