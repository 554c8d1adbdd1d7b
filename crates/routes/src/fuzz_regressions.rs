//! Regression tests for what fuzzing (`tests/fuzz_analysis.rs`) found: each is the shrunk
//! input of a failure, checked in both input orders. The report and the trace must not
//! depend on the order the store lists objects in.

use crate::model::context::{Connection, VSwitch};
use crate::model::inventory::Inventory;
use crate::model::route::{NextHopKind, Route};
use crate::testkit::*;
use crate::trace::Outcome;
use crate::{analyse, trace};

/// `inv` with every list reversed.
fn reversed(inv: &Inventory) -> Inventory {
    let mut r = inv.clone();
    r.routes.reverse();
    r.vswitches.reverse();
    r.connections.reverse();
    r.gateways.reverse();
    r
}

fn report_in_both_orders(inv: &Inventory) -> Vec<crate::Finding> {
    let findings = analyse(inv);
    assert_eq!(
        findings,
        analyse(&reversed(inv)),
        "input order changed the report"
    );
    findings
}

#[test]
fn onprem_conflict_names_the_two_sites_in_a_fixed_order() {
    let with_subnet = |id: &str, cgw: &str| Connection {
        remote_subnets: vec![net("::/0")],
        ..conn(id, "vpn-1", cgw, &[])
    };
    let inv = Inventory {
        connections: vec![with_subnet("vco-0", "cgw-0"), with_subnet("vco-2", "cgw-1")],
        gateways: vec![gateway("vpn-1", None)],
        ..Inventory::default()
    };
    let findings = report_in_both_orders(&inv);
    assert!(findings[0]
        .message
        .contains("cgw-0 (unknown customer gateway) via vco-0 and cgw-1"));
}

#[test]
fn asymmetric_route_lists_the_vpc_side_routes_by_id() {
    let vpc_side = |id: &str, target: &str| {
        route(
            id,
            vtb("vtb-0"),
            "0.0.0.0/0",
            hop(NextHopKind::Instance, target),
        )
    };
    let gateway_side = |id: &str, c: &str| route(id, gwt("vpn-0"), "0.0.0.0/0", to_conn(c));
    let inv = Inventory {
        routes: vec![
            vpc_side("r15", "i-a"),
            vpc_side("r10", "i-b"),
            gateway_side("g2", "vco-2"),
            gateway_side("g1", "vco-1"),
        ],
        vpcs: vec![vpc("vpc-0", &["10.0.0.0/8"], &["vtb-0"])],
        gateways: vec![gateway("vpn-0", Some("vpc-0"))],
        ..Inventory::default()
    };
    let findings = report_in_both_orders(&inv);
    let asymmetric = findings
        .iter()
        .find(|f| f.message.contains("asymmetric"))
        .unwrap();
    assert!(
        asymmetric.message.contains("via vco-1,"),
        "{}",
        asymmetric.message
    );
    assert!(
        asymmetric.message.contains("i-b / i-a (route r10, r15"),
        "{}",
        asymmetric.message
    );
}

#[test]
fn duplicate_routes_list_weights_in_route_id_order() {
    let copy = |id: &str, weight: Option<u32>| Route {
        weight,
        ..route(id, vtb("vtb-0"), "0.0.0.0/0", to_gw("vpn-0"))
    };
    let inv = Inventory {
        routes: vec![copy("r02", Some(0)), copy("r00", None), copy("r01", None)],
        ..Inventory::default()
    };
    let findings = report_in_both_orders(&inv);
    let dup = findings
        .iter()
        .find(|f| f.message.contains("3 times"))
        .unwrap();
    assert!(
        dup.message.contains("(weights none, none, 0)"),
        "{}",
        dup.message
    );
}

#[test]
fn local_delivery_goes_to_the_most_specific_vswitch_in_any_order() {
    let vsw = |id: &str, cidr: &str| VSwitch {
        id: id.into(),
        vpc_id: "vpc-0".into(),
        cidr: net(cidr),
    };
    let inv = Inventory {
        routes: vec![route(
            "r03",
            vtb("vtb-0"),
            "0.0.0.0/0",
            hop(NextHopKind::Local, ""),
        )],
        vswitches: vec![
            vsw("vsw-1", "255.255.0.0/16"),
            vsw("vsw-0", "255.255.255.254/31"),
        ],
        ..Inventory::default()
    };
    let ip = "255.255.255.255".parse().unwrap();
    for inv in [inv.clone(), reversed(&inv)] {
        let t = trace(&inv, ip, None);
        assert_eq!(t.outcome, Outcome::Delivered { at: "vsw-0".into() });
    }
}

#[test]
fn next_hop_down_names_a_live_standby_by_id() {
    use crate::model::context::TunnelState::Down;
    use crate::model::route::RouteState::{Inactive, Pending};
    let on = |id: &str, to: crate::NextHop, state| Route {
        state,
        ..route(id, gwt("vpn-0"), "0.0.0.0/0", to)
    };
    let inv = Inventory {
        routes: vec![
            on("r07", hop(NextHopKind::Local, "vpn-0"), Pending),
            on("r05", hop(NextHopKind::Blackhole, "vpn-1"), Inactive),
            on("r00", to_conn("vco-0"), crate::RouteState::Active),
        ],
        connections: vec![conn("vco-0", "vpn-0", "cgw-0", &[Down])],
        ..Inventory::default()
    };
    let findings = report_in_both_orders(&inv);
    let down = findings
        .iter()
        .find(|f| f.message.contains("all down"))
        .unwrap();
    assert!(
        down.message.contains("route r07 via vpn-0 carries"),
        "{}",
        down.message
    );
}
