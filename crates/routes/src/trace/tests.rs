//! Trace tests: prefix length, pbr vs dbr, weights, ECMP, tunnel failover, stops, IPv6.

use std::net::IpAddr;

use crate::model::context::TunnelState::{Down, Phase1Only, Up};
use crate::model::context::{LinkState, PhysicalConnection, Vbr};
use crate::model::inventory::Inventory;
use crate::model::route::{NextHopKind, Route};
use crate::testkit::*;
use crate::trace::{HopKind, Outcome, Trace, TraceQuery};
use crate::RouteIndex;

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

/// vpc-1 (vtb-1) → vpn-1 → vco-1 (cgw-a) / vco-2 (cgw-b).
fn base(routes: Vec<Route>) -> Inventory {
    let mut all = vec![
        route(
            "sys",
            vtb("vtb-1"),
            "172.16.0.0/24",
            hop(NextHopKind::Local, ""),
        ),
        route("v-onprem", vtb("vtb-1"), "10.0.0.0/8", to_gw("vpn-1")),
    ];
    all.extend(routes);
    Inventory {
        routes: all,
        vpcs: vec![vpc("vpc-1", &["172.16.0.0/16"], &["vtb-1"])],
        gateways: vec![gateway("vpn-1", Some("vpc-1"))],
        connections: vec![
            conn("vco-1", "vpn-1", "cgw-a", &[Up, Up]),
            conn("vco-2", "vpn-1", "cgw-b", &[Up]),
        ],
        customer_gateways: vec![
            cgw("cgw-a", "Shanghai DC", "203.0.113.10"),
            cgw("cgw-b", "Frankfurt colo", "198.51.100.7"),
        ],
        ..Inventory::default()
    }
}

fn run(inv: &Inventory, dest: &str, src: Option<&str>) -> Trace {
    RouteIndex::new(inv).trace_query(&TraceQuery {
        destination: ip(dest),
        source: src.map(ip),
        from_vpc: Some("vpc-1".into()),
    })
}

fn gw_match(t: &Trace) -> &crate::trace::MatchedRoute {
    t.hops
        .iter()
        .find(|h| h.kind == HopKind::VpnGateway)
        .and_then(|h| h.matched.as_ref())
        .unwrap()
}

#[test]
fn full_path_to_site_with_reasons() {
    let inv = base(vec![route(
        "g1",
        gwt("vpn-1"),
        "10.20.0.0/16",
        to_conn("vco-1"),
    )]);
    let t = run(&inv, "10.20.1.5", None);
    assert_eq!(t.outcome, Outcome::Delivered { at: "cgw-a".into() });
    let kinds: Vec<HopKind> = t.hops.iter().map(|h| h.kind).collect();
    use HopKind::*;
    assert_eq!(
        kinds,
        vec![
            VpcRouteTable,
            VpnGateway,
            Connection,
            Tunnel,
            CustomerGateway
        ]
    );
    assert_eq!(t.hops[0].matched.as_ref().unwrap().route_id, "v-onprem");
    assert!(t.hops[4].note.contains("Shanghai DC"));
    assert_eq!(t.hops[3].id, "vco-1-t1");
}

#[test]
fn longest_prefix_wins() {
    let inv = base(vec![
        route("wide", gwt("vpn-1"), "10.0.0.0/8", to_conn("vco-1")),
        route("narrow", gwt("vpn-1"), "10.20.5.0/24", to_conn("vco-2")),
    ]);
    let t = run(&inv, "10.20.5.9", None);
    let m = gw_match(&t);
    assert_eq!(m.route_id, "narrow");
    assert_eq!(m.prefix_len, 24);
    assert!(m.reason.contains("longest matching prefix 10.20.5.0/24"));
    assert_eq!(
        run(&inv, "10.20.6.9", None).outcome,
        Outcome::Delivered { at: "cgw-a".into() }
    );
}

#[test]
fn pbr_wins_when_source_given_dbr_otherwise() {
    let inv = base(vec![
        route("dbr", gwt("vpn-1"), "10.20.0.0/16", to_conn("vco-1")),
        pbr(
            route("pbr", gwt("vpn-1"), "10.0.0.0/8", to_conn("vco-2")),
            "172.16.0.0/24",
        ),
    ]);
    let with_src = run(&inv, "10.20.0.1", Some("172.16.0.10"));
    assert_eq!(gw_match(&with_src).route_id, "pbr");
    assert!(gw_match(&with_src).reason.contains("policy route"));
    assert_eq!(with_src.outcome, Outcome::Delivered { at: "cgw-b".into() });
    // Source outside the pbr's source CIDR, or no source: destination route.
    assert_eq!(
        gw_match(&run(&inv, "10.20.0.1", Some("172.16.9.1"))).route_id,
        "dbr"
    );
    assert_eq!(gw_match(&run(&inv, "10.20.0.1", None)).route_id, "dbr");
}

#[test]
fn higher_weight_wins_and_equal_weights_are_ecmp() {
    let inv = base(vec![
        weighted(
            route("g-standby", gwt("vpn-1"), "10.20.0.0/16", to_conn("vco-1")),
            0,
        ),
        weighted(
            route("g-active", gwt("vpn-1"), "10.20.0.0/16", to_conn("vco-2")),
            100,
        ),
    ]);
    let t = run(&inv, "10.20.0.1", None);
    let m = gw_match(&t);
    assert_eq!(m.route_id, "g-active");
    assert_eq!(m.standby, vec!["g-standby"]);
    assert!(
        m.reason
            .contains("weight 100 beats g-standby via vco-1 (weight 0)"),
        "{}",
        m.reason
    );

    let inv = base(vec![
        weighted(
            route("g-b", gwt("vpn-1"), "10.20.0.0/16", to_conn("vco-2")),
            100,
        ),
        weighted(
            route("g-a", gwt("vpn-1"), "10.20.0.0/16", to_conn("vco-1")),
            100,
        ),
    ]);
    let m = gw_match(&run(&inv, "10.20.0.1", None)).clone();
    assert_eq!(m.route_id, "g-a");
    assert_eq!(m.ecmp, vec!["g-b"]);
    assert!(m.reason.contains("ECMP"));
}

#[test]
fn down_tunnel_falls_over_to_the_other() {
    let mut inv = base(vec![route(
        "g1",
        gwt("vpn-1"),
        "10.20.0.0/16",
        to_conn("vco-1"),
    )]);
    inv.connections[0].tunnels[0].state = Down;
    let t = run(&inv, "10.20.0.1", None);
    let tunnel = t.hops.iter().find(|h| h.kind == HopKind::Tunnel).unwrap();
    assert_eq!(tunnel.id, "vco-1-t2");
    assert!(tunnel.note.contains("failover"));
    assert_eq!(t.outcome, Outcome::Delivered { at: "cgw-a".into() });
}

#[test]
fn connection_down_falls_over_to_standby_route_then_stops() {
    let mut inv = base(vec![
        weighted(
            route("g-active", gwt("vpn-1"), "10.20.0.0/16", to_conn("vco-1")),
            100,
        ),
        weighted(
            route("g-standby", gwt("vpn-1"), "10.20.0.0/16", to_conn("vco-2")),
            0,
        ),
    ]);
    inv.connections[0].tunnels = conn("vco-1", "vpn-1", "cgw-a", &[Down, Phase1Only]).tunnels;
    inv.connections[0].tunnels[1].state = Down;
    let t = run(&inv, "10.20.0.1", None);
    assert_eq!(gw_match(&t).route_id, "g-standby");
    assert!(gw_match(&t).reason.contains("failover"));
    assert_eq!(t.outcome, Outcome::Delivered { at: "cgw-b".into() });
    inv.connections[1].tunnels[0].state = Down;
    let t = run(&inv, "10.20.0.1", None);
    assert_eq!(
        t.outcome,
        Outcome::NextHopDown {
            connections: vec!["vco-1".into(), "vco-2".into()]
        }
    );
}

#[test]
fn no_route_blackhole_and_unknown_vpc() {
    let inv = base(vec![route(
        "bh",
        gwt("vpn-1"),
        "10.66.0.0/16",
        hop(NextHopKind::Blackhole, ""),
    )]);
    assert_eq!(
        run(&inv, "192.0.2.1", None).outcome,
        Outcome::NoRoute {
            table: "vtb-1".into()
        }
    );
    assert_eq!(
        run(&inv, "10.30.0.1", None).outcome,
        Outcome::NoRoute {
            table: "vpn-1".into()
        }
    );
    assert_eq!(
        run(&inv, "10.66.0.1", None).outcome,
        Outcome::Blackhole { route: "bh".into() }
    );
    let t = RouteIndex::new(&inv).trace(ip("10.0.0.1"), Some("vpc-zzz"));
    assert_eq!(
        t.outcome,
        Outcome::Unresolved {
            id: "vpc-zzz".into()
        }
    );
}

#[test]
fn loop_and_hop_limit_terminate() {
    let inv = base(vec![
        route("g1", gwt("vpn-1"), "10.0.0.0/8", to_gw("vpn-2")),
        route("g2", gwt("vpn-2"), "10.0.0.0/8", to_gw("vpn-1")),
    ]);
    assert_eq!(
        run(&inv, "10.1.1.1", None).outcome,
        Outcome::Loop {
            table: "vpn-1".into()
        }
    );

    let mut chain = vec![route("c0", gwt("vpn-1"), "10.0.0.0/8", to_gw("t1"))];
    for i in 1..30 {
        chain.push(route(
            &format!("c{i}"),
            gwt(&format!("t{i}")),
            "10.0.0.0/8",
            to_gw(&format!("t{}", i + 1)),
        ));
    }
    let t = run(&base(chain), "10.1.1.1", None);
    assert_eq!(t.outcome, Outcome::HopLimit);
    assert_eq!(t.hops.len(), crate::trace::walk::MAX_TABLE_HOPS);
}

#[test]
fn ipv6_path_and_local_delivery() {
    let mut inv = base(vec![
        route("v6", vtb("vtb-1"), "2001:db8:100::/40", to_gw("vpn-1")),
        route("g6", gwt("vpn-1"), "2001:db8:100::/48", to_conn("vco-2")),
        route("g6wide", gwt("vpn-1"), "2001:db8::/32", to_conn("vco-1")),
    ]);
    let t = run(&inv, "2001:db8:100::1", None);
    assert_eq!(gw_match(&t).route_id, "g6");
    assert_eq!(t.outcome, Outcome::Delivered { at: "cgw-b".into() });
    inv.vswitches.push(crate::model::context::VSwitch {
        id: "vsw-1".into(),
        vpc_id: "vpc-1".into(),
        cidr: net("172.16.0.0/24"),
    });
    assert_eq!(
        run(&inv, "172.16.0.9", None).outcome,
        Outcome::Delivered { at: "vsw-1".into() }
    );
}

#[test]
fn vbr_path_via_router_interface_and_start_without_vpc() {
    let mut inv = base(vec![route(
        "v-idc",
        vtb("vtb-1"),
        "192.168.0.0/16",
        hop(NextHopKind::RouterInterface, "ri-1"),
    )]);
    inv.vbrs.push(Vbr {
        id: "vbr-1".into(),
        name: String::new(),
        route_table_id: None,
        physical_connection_id: Some("pc-1".into()),
        router_interface_ids: vec!["ri-1".into()],
        state: LinkState::Up,
    });
    inv.physical_connections.push(PhysicalConnection {
        id: "pc-1".into(),
        name: String::new(),
        peer_location: "Hangzhou IDC".into(),
        state: LinkState::Up,
    });
    let t = RouteIndex::new(&inv).trace(ip("192.168.3.3"), None);
    assert_eq!(t.hops[0].id, "vtb-1");
    assert_eq!(t.outcome, Outcome::Delivered { at: "pc-1".into() });
    assert!(t.hops.last().unwrap().note.contains("Hangzhou IDC"));
}

#[test]
fn free_function_and_serde_round_trip() {
    let inv = base(vec![pbr(
        route("p", gwt("vpn-1"), "10.20.0.0/16", to_conn("vco-1")),
        "172.16.0.0/25",
    )]);
    let json = serde_json::to_string(&inv).unwrap();
    let back: Inventory = serde_json::from_str(&json).unwrap();
    assert_eq!(back, inv);
    let t = crate::trace(&back, ip("10.9.9.9"), Some("vpc-1"));
    assert_eq!(
        t.outcome,
        Outcome::NoRoute {
            table: "vpn-1".into()
        }
    );
    let bad = json.replace("\"10.20.0.0/16\"", "\"10.20.0.0/99\"");
    let err = serde_json::from_str::<Inventory>(&bad)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("`destination`") && err.contains("10.20.0.0/99"),
        "{err}"
    );
    let bad = json.replace("\"172.16.0.0/25\"", "\"172.16.0.x/25\"");
    let err = serde_json::from_str::<Inventory>(&bad)
        .unwrap_err()
        .to_string();
    assert!(err.contains("`source_cidr`"), "{err}");
}
