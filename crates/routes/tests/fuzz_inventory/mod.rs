//! Arbitrary route inventories for the fuzz targets: a few tables, gateways, connections,
//! VBRs and VPCs whose ids come from small pools, so routes point at each other (chains,
//! loops), at missing objects and at connections with every tunnel state; CIDRs of both
//! families drawn around a few bases so they nest, overlap and repeat. Ids are unique per
//! kind (a later duplicate id is resolved by input order, by design), routes carry unique
//! ids, and a table id decides the table kind — the invariants the store guarantees.
#![allow(dead_code)]

mod addresses;
mod parts;

pub use addresses::{address, prefix};
use parts::{connection, route, CONNECTIONS};
use proptest::prelude::*;
use routes::*;

/// An inventory: up to `max_routes` routes plus context objects, each id at most once.
pub fn inventory(max_routes: usize) -> impl Strategy<Value = Inventory> {
    // Some routes repeated under a new id, with another weight or state: the duplicates,
    // ECMP sets and failover pairs the rules and the trace have to order.
    let copies = prop::collection::vec(
        (any::<usize>(), prop::option::of(0u32..3), any::<bool>()),
        0..4,
    );
    let routes = (
        (0..=max_routes).prop_flat_map(|n| (0..n).map(route).collect::<Vec<_>>()),
        copies,
    )
        .prop_map(|(mut routes, copies)| {
            let n = routes.len();
            for (j, (from, weight, inactive)) in copies.into_iter().enumerate().filter(|_| n > 0) {
                let mut copy = routes[from % n].clone();
                copy.id = format!("r{:02}", n + j);
                copy.weight = weight.map(|w| w * 50);
                if inactive {
                    copy.state = RouteState::Inactive;
                }
                routes.push(copy);
            }
            routes
        });
    let connections = (
        prop::option::of(connection(CONNECTIONS[0])),
        prop::option::of(connection(CONNECTIONS[1])),
        prop::option::of(connection(CONNECTIONS[2])),
    )
        .prop_map(|(a, b, c)| [a, b, c].into_iter().flatten().collect::<Vec<_>>());
    let vpcs = prop::collection::vec(prefix(), 0..3).prop_flat_map(|cidrs| {
        prop::sample::subsequence(vec!["vtb-1", "vtb-0", "vpn-0"], 0..=3).prop_map(move |tables| {
            vec![Vpc {
                id: "vpc-0".into(),
                name: String::new(),
                cidrs: cidrs.clone(),
                route_table_ids: tables.into_iter().map(String::from).collect(),
            }]
        })
    });
    let vswitches = prop::collection::vec(prefix(), 0..3).prop_map(|cidrs| {
        cidrs
            .into_iter()
            .enumerate()
            .map(|(i, cidr)| VSwitch {
                id: format!("vsw-{i}"),
                vpc_id: "vpc-0".into(),
                cidr,
            })
            .collect::<Vec<_>>()
    });
    let ssl = prop::option::of((prefix(), prop::collection::vec(prefix(), 0..3))).prop_map(|s| {
        s.into_iter()
            .map(|(pool, local)| SslVpnServer {
                id: "vss-0".into(),
                gateway_id: "vpn-0".into(),
                client_ip_pool: pool,
                local_subnets: local,
            })
            .collect::<Vec<_>>()
    });
    let gateways = prop::collection::vec(
        prop::option::of(prop::sample::select(vec!["vpc-0", "vpc-9"])),
        3,
    )
    .prop_map(|vpcs| {
        ["vpn-0", "vpn-1", "hw-0"]
            .iter()
            .zip(vpcs)
            .map(|(id, vpc)| VpnGateway {
                id: (*id).into(),
                name: String::new(),
                cloud: if *id == "hw-0" {
                    Cloud::Huawei
                } else {
                    Cloud::Alibaba
                },
                vpc_id: vpc.map(String::from),
            })
            .collect::<Vec<_>>()
    });
    let cgws = prop::collection::vec(prop::option::of(address()), 2).prop_map(|ips| {
        ips.into_iter()
            .enumerate()
            .map(|(i, ip)| CustomerGateway {
                id: format!("cgw-{i}"),
                name: String::new(),
                public_ip: ip,
                asn: Some(65000 + i as u32),
                site: None,
            })
            .collect::<Vec<_>>()
    });
    let vbrs = prop::option::of(any::<bool>()).prop_map(|v| {
        v.into_iter()
            .map(|with_line| Vbr {
                id: "vbr-0".into(),
                name: String::new(),
                route_table_id: Some("vbrt-0".into()),
                physical_connection_id: with_line.then(|| "pc-0".into()),
                router_interface_ids: vec!["ri-0".into()],
                state: LinkState::Up,
            })
            .collect::<Vec<_>>()
    });
    (
        routes,
        connections,
        vpcs,
        vswitches,
        ssl,
        gateways,
        cgws,
        vbrs,
    )
        .prop_map(
            |(
                routes,
                connections,
                vpcs,
                vswitches,
                ssl_servers,
                gateways,
                customer_gateways,
                vbrs,
            )| Inventory {
                routes,
                vpcs,
                vswitches,
                gateways,
                ssl_servers,
                connections,
                customer_gateways,
                vbrs,
                physical_connections: vec![PhysicalConnection {
                    id: "pc-0".into(),
                    name: String::new(),
                    peer_location: "DC".into(),
                    state: LinkState::Up,
                }],
            },
        )
}
