//! Benchmark: `analyse` and `trace` on a generated inventory of 5,000 connections / ~100k
//! routes, each against a naive baseline measured in the same run.
//!
//! Run with `cargo run --release -p routes --example routes_bench`; prints a Markdown table (the
//! one in `crates/routes/BENCH.md`).

use std::hint::black_box;
use std::net::{IpAddr, Ipv4Addr};
use std::time::{Duration, Instant};

use ipnet::IpNet;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use routes::lpm::naive_longest;
use routes::{
    Cloud, Connection, CustomerGateway, Inventory, NextHop, NextHopKind, Route, RouteIndex,
    RouteSource, RouteState, TableKind, TableRef, Tunnel, TunnelState, Vpc, VpnGateway,
};

const VPCS: usize = 50;
const CONNS_PER_VPC: usize = 100;

fn table(kind: TableKind, id: &str) -> TableRef {
    TableRef {
        kind,
        id: id.into(),
        cloud: Cloud::Alibaba,
        account: "a".into(),
        region: "r".into(),
    }
}

fn route(id: String, t: &TableRef, dest: IpNet, hop: NextHop, source: RouteSource) -> Route {
    Route {
        id,
        table: t.clone(),
        destination: dest,
        next_hop: hop,
        source,
        weight: Some(100),
        published: Some(true),
        state: RouteState::Active,
    }
}

/// Connection `c` owns on-prem block 10.0.0.0 + c·4096 (/20): 14 /24s, the /20, a /22, two
/// IPv6 /56s and a pbr route; every 97th connection also claims a /24 of its neighbour.
fn generate(rng: &mut StdRng) -> Inventory {
    let mut inv = Inventory::default();
    for v in 0..VPCS {
        let (vpc_id, vtb_id, gw_id) = (format!("vpc-{v}"), format!("vtb-{v}"), format!("vpn-{v}"));
        let vpc_net: IpNet = format!("172.{}.0.0/16", 16 + v % 16).parse().unwrap();
        inv.vpcs.push(Vpc {
            id: vpc_id.clone(),
            name: String::new(),
            cidrs: vec![vpc_net],
            route_table_ids: vec![vtb_id.clone()],
        });
        inv.gateways.push(VpnGateway {
            id: gw_id.clone(),
            name: String::new(),
            cloud: Cloud::Alibaba,
            vpc_id: Some(vpc_id),
        });
        let (vtb, gwt) = (
            table(TableKind::VpcRouteTable, &vtb_id),
            table(TableKind::VpnGateway, &gw_id),
        );
        inv.routes.push(route(
            format!("{vtb_id}-local"),
            &vtb,
            vpc_net,
            NextHop::new(NextHopKind::Local, ""),
            RouteSource::VpcRouteEntry,
        ));
        for k in 0..CONNS_PER_VPC {
            let c = v * CONNS_PER_VPC + k;
            let (conn_id, cgw_id) = (format!("vco-{c}"), format!("cgw-{c}"));
            let state = |rng: &mut StdRng| {
                if rng.gen_bool(0.1) {
                    TunnelState::Down
                } else {
                    TunnelState::Up
                }
            };
            let tunnels = (0..2)
                .map(|t| Tunnel {
                    id: format!("{conn_id}-t{t}"),
                    state: state(rng),
                })
                .collect();
            inv.connections.push(Connection {
                id: conn_id.clone(),
                name: String::new(),
                gateway_id: gw_id.clone(),
                customer_gateway_id: cgw_id.clone(),
                local_subnets: vec![vpc_net],
                remote_subnets: vec![],
                tunnels,
            });
            inv.customer_gateways.push(CustomerGateway {
                id: cgw_id,
                name: String::new(),
                public_ip: Some(IpAddr::V4(Ipv4Addr::from(0xCB00_7100 + c as u32))),
                asn: None,
                site: Some(format!("site {c}")),
            });
            let base = u32::from(Ipv4Addr::new(10, 0, 0, 0)) + (c as u32) * 4096;
            let to_conn = NextHop::new(NextHopKind::Connection, conn_id.clone());
            let dbr = |net: IpNet, n: &str| {
                route(
                    format!("{conn_id}-{n}"),
                    &gwt,
                    net,
                    to_conn.clone(),
                    RouteSource::VpnDestinationRoute,
                )
            };
            let block = IpNet::new(IpAddr::V4(Ipv4Addr::from(base)), 20).unwrap();
            inv.routes.push(dbr(block, "b20"));
            inv.routes.push(dbr(
                IpNet::new(IpAddr::V4(Ipv4Addr::from(base)), 22).unwrap(),
                "b22",
            ));
            for s in 0..14u32 {
                inv.routes.push(dbr(
                    IpNet::new(IpAddr::V4(Ipv4Addr::from(base + s * 256)), 24).unwrap(),
                    &format!("s{s}"),
                ));
            }
            for s in 0..2 {
                inv.routes.push(dbr(
                    format!("2001:db8:{c:x}:{s}00::/56").parse().unwrap(),
                    &format!("v6-{s}"),
                ));
            }
            let src = RouteSource::VpnPolicyRoute {
                source_cidr: vpc_net,
            };
            inv.routes.push(route(
                format!("{conn_id}-pbr"),
                &gwt,
                block,
                to_conn.clone(),
                src,
            ));
            if c.is_multiple_of(97) {
                let other = IpNet::new(IpAddr::V4(Ipv4Addr::from(base + 4096 + 512)), 24).unwrap();
                inv.routes.push(dbr(other, "steal"));
            }
            let to_gw = NextHop::new(NextHopKind::VpnGateway, gw_id.clone());
            inv.routes.push(route(
                format!("{vtb_id}-{c}"),
                &vtb,
                block,
                to_gw,
                RouteSource::VpcRouteEntry,
            ));
        }
    }
    inv
}

fn time<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let start = Instant::now();
    let out = f();
    (start.elapsed(), out)
}

fn fmt(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us >= 1e6 {
        format!("{:.2} s", us / 1e6)
    } else if us >= 1e3 {
        format!("{:.2} ms", us / 1e3)
    } else {
        format!("{us:.2} µs")
    }
}

fn main() {
    let mut rng = StdRng::seed_from_u64(7);
    let inv = generate(&mut rng);
    println!(
        "inventory: {} routes, {} connections, {} VPCs\n",
        inv.routes.len(),
        inv.connections.len(),
        inv.vpcs.len()
    );

    let (t_build, index) = time(|| RouteIndex::new(&inv));
    let (t_analyse, findings) = time(|| index.analyse());

    // Baseline for the analysis core: all-pairs overlap among each VPC's on-prem prefixes
    // (what rule (a) needs) against the sorted nesting sweep the rule uses.
    let per_vpc: Vec<Vec<IpNet>> = (0..VPCS)
        .map(|v| {
            inv.routes
                .iter()
                .filter(|r| r.table.id == format!("vpn-{v}"))
                .map(|r| r.destination)
                .collect()
        })
        .collect();
    let (t_pairs_naive, naive_pairs) = time(|| {
        let mut n = 0usize;
        for nets in &per_vpc {
            for i in 0..nets.len() {
                for j in i + 1..nets.len() {
                    n += usize::from(nets[i].contains(&nets[j]) || nets[j].contains(&nets[i]));
                }
            }
        }
        n
    });
    let (t_pairs_sweep, sweep_pairs) = time(|| {
        let mut n = 0usize;
        for nets in &per_vpc {
            let mut sorted = nets.clone();
            sorted.sort();
            routes::nest::for_each_nested_pair(&sorted, |_, _| n += 1);
        }
        n
    });
    assert_eq!(naive_pairs, sweep_pairs, "sweep and all-pairs disagree");

    // LPM: random addresses inside on-prem space, looked up in their gateway's table.
    let probes: Vec<(usize, IpAddr)> = (0..10_000)
        .map(|_| {
            let c = rng.gen_range(0..VPCS * CONNS_PER_VPC);
            let a =
                u32::from(Ipv4Addr::new(10, 0, 0, 0)) + (c as u32) * 4096 + rng.gen_range(0..4096);
            (c / CONNS_PER_VPC, IpAddr::V4(Ipv4Addr::from(a)))
        })
        .collect();
    let entries: Vec<Vec<(IpNet, usize)>> = (0..VPCS)
        .map(|v| {
            inv.routes
                .iter()
                .enumerate()
                .filter(|(_, r)| r.table.id == format!("vpn-{v}"))
                .map(|(i, r)| (r.destination, i))
                .collect()
        })
        .collect();
    let gw_ids: Vec<String> = (0..VPCS).map(|v| format!("vpn-{v}")).collect();
    let (t_lpm, hits) = time(|| {
        probes
            .iter()
            .filter(|(v, ip)| {
                index
                    .table(&gw_ids[*v])
                    .and_then(|t| t.longest(*ip))
                    .is_some()
            })
            .count()
    });
    let (t_lpm_naive, naive_hits) = time(|| {
        probes
            .iter()
            .filter(|(v, ip)| naive_longest(&entries[*v], *ip).is_some())
            .count()
    });
    assert_eq!(hits, naive_hits);

    // Whole-table baseline: a linear scan over *all* routes, as a store query without an index would.
    let all: Vec<(IpNet, usize)> = inv
        .routes
        .iter()
        .enumerate()
        .map(|(i, r)| (r.destination, i))
        .collect();
    let (t_scan_all, _) = time(|| {
        probes
            .iter()
            .take(1000)
            .map(|(_, ip)| black_box(naive_longest(&all, *ip)).is_some() as usize)
            .sum::<usize>()
    });

    // Trace: full walk vs. a naive two-table linear-scan LPM (VPC table then gateway table).
    let vtb_entries: Vec<Vec<(IpNet, usize)>> = (0..VPCS)
        .map(|v| {
            inv.routes
                .iter()
                .enumerate()
                .filter(|(_, r)| r.table.id == format!("vtb-{v}"))
                .map(|(i, r)| (r.destination, i))
                .collect()
        })
        .collect();
    let vpc_ids: Vec<String> = (0..VPCS).map(|v| format!("vpc-{v}")).collect();
    let (t_trace, delivered) = time(|| {
        probes
            .iter()
            .filter(|(v, ip)| {
                matches!(
                    index.trace(*ip, Some(&vpc_ids[*v])).outcome,
                    routes::Outcome::Delivered { .. }
                )
            })
            .count()
    });
    let (t_trace_naive, _) = time(|| {
        probes
            .iter()
            .filter(|(v, ip)| {
                naive_longest(&vtb_entries[*v], *ip).is_some()
                    && naive_longest(&entries[*v], *ip).is_some()
            })
            .count()
    });

    let mut kinds = std::collections::BTreeMap::new();
    for f in &findings {
        *kinds
            .entry(format!("{:?}/{:?}", f.kind, f.severity))
            .or_insert(0usize) += 1;
    }
    println!("findings by kind/severity: {kinds:?}\n");
    let n = probes.len() as u32;
    let ratio = |slow: Duration, fast: Duration| {
        format!("{:.0}×", slow.as_secs_f64() / fast.as_secs_f64().max(1e-12))
    };
    println!("| operation | indexed | naive baseline | speed-up |");
    println!("|---|---|---|---|");
    println!(
        "| build `RouteIndex` (lookups + LPM per table) | {} | – | – |",
        fmt(t_build)
    );
    println!(
        "| `analyse` (all 8 rules, {} findings) | {} | – | – |",
        findings.len(),
        fmt(t_analyse)
    );
    println!(
        "| overlap pairs per VPC ({sweep_pairs} pairs): sweep vs all-pairs | {} | {} | {} |",
        fmt(t_pairs_sweep),
        fmt(t_pairs_naive),
        ratio(t_pairs_naive, t_pairs_sweep)
    );
    println!(
        "| LPM in gateway table, per lookup ({n} lookups) | {} | {} | {} |",
        fmt(t_lpm / n),
        fmt(t_lpm_naive / n),
        ratio(t_lpm_naive, t_lpm)
    );
    println!(
        "| LPM over all {} routes, per lookup | {} | {} | {} |",
        all.len(),
        fmt(t_lpm / n),
        fmt(t_scan_all / 1000),
        ratio(t_scan_all / 1000, t_lpm / n)
    );
    println!(
        "| `trace` from VPC, per trace ({delivered}/{n} delivered) | {} | {} | {} |",
        fmt(t_trace / n),
        fmt(t_trace_naive / n),
        ratio(t_trace_naive, t_trace)
    );
}
