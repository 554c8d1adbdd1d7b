//! Fuzzing the route analysis and the path trace over arbitrary inventories (see
//! `fuzz_inventory`): chains and loops through gateway tables, missing next hops, every
//! tunnel state, IPv4 and IPv6, policy routes. Nothing may panic or hang, and:
//! * the conflict report does not depend on input order or on hash-map order;
//! * a trace is a longest-prefix match at every table it passes: no live destination route
//!   of that table with a longer matching prefix exists, and the chosen one contains the IP;
//! * a trace is bounded and repeatable, and does not depend on input order either.
//!
//! Short by default; `PROPTEST_CASES=N` (see `scripts/fuzz.sh`) for a long run.
mod fuzz_inventory;
#[path = "../../aliyun/tests/fuzz_support/harness.rs"]
mod harness;

use std::net::IpAddr;

use fuzz_inventory::{address, inventory};
use harness::{bounded, config};
use proptest::prelude::*;
use routes::trace::walk::MAX_TABLE_HOPS;
use routes::*;

/// Every list of the inventory in another order (`seed` picks the rotation).
fn reordered(inv: &Inventory, seed: usize) -> Inventory {
    fn turn<T: Clone>(v: &[T], by: usize) -> Vec<T> {
        let mut v = v.to_vec();
        v.reverse();
        if !v.is_empty() {
            let by = by % v.len();
            v.rotate_left(by);
        }
        v
    }
    Inventory {
        routes: turn(&inv.routes, seed),
        vpcs: turn(&inv.vpcs, seed),
        vswitches: turn(&inv.vswitches, seed),
        gateways: turn(&inv.gateways, seed),
        ssl_servers: turn(&inv.ssl_servers, seed),
        connections: turn(&inv.connections, seed),
        customer_gateways: turn(&inv.customer_gateways, seed),
        vbrs: turn(&inv.vbrs, seed),
        physical_connections: turn(&inv.physical_connections, seed),
    }
}

/// Checks the longest-prefix property at every table hop of `t`.
fn assert_longest_prefix(inv: &Inventory, t: &Trace, ip: IpAddr) {
    for hop in &t.hops {
        let Some(m) = &hop.matched else { continue };
        assert!(
            m.destination.contains(&ip),
            "{} does not contain {ip}",
            m.destination
        );
        assert_eq!(m.prefix_len, m.destination.prefix_len());
        let longer = inv.routes.iter().find(|r| {
            r.table.id == hop.id
                && r.state != RouteState::Inactive
                && !r.is_policy()
                && r.destination.contains(&ip)
                && r.destination.prefix_len() > m.prefix_len
        });
        assert!(
            longer.is_none(),
            "at {}: {:?} is longer than the chosen {}",
            hop.id,
            longer,
            m.destination
        );
    }
}

proptest! {
    #![proptest_config(config(500))]

    #[test]
    fn analysis_is_order_and_hash_independent(inv in inventory(24), seed in any::<usize>()) {
        bounded("routes analyse", move || {
            let findings = analyse(&inv);
            assert_eq!(findings, analyse(&inv), "same input, another hash order");
            assert_eq!(findings, analyse(&reordered(&inv, seed)), "input order changed the report");
            for f in &findings {
                let mut objects = f.objects.clone();
                objects.sort();
                objects.dedup();
                assert_eq!(f.objects, objects);
                assert!(!f.message.is_empty());
            }
        });
    }

    #[test]
    fn traces_are_bounded_longest_prefix_matches(
        inv in inventory(24),
        ips in prop::collection::vec(address(), 1..6),
        from in prop::option::of(prop::sample::select(vec!["vpc-0", "vpc-9"])),
        source in prop::option::of(address()),
        seed in any::<usize>(),
    ) {
        bounded("routes trace", move || {
            let index = RouteIndex::new(&inv);
            let other = reordered(&inv, seed);
            let other_index = RouteIndex::new(&other);
            for ip in ips {
                let t = index.trace(ip, from);
                assert_eq!(t.query.destination, ip);
                assert!(t.hops.len() <= 4 * MAX_TABLE_HOPS, "{} hops", t.hops.len());
                assert_longest_prefix(&inv, &t, ip);
                assert_eq!(t, trace(&inv, ip, from), "same input, another hash order");
                if let Outcome::NextHopDown { connections } = &t.outcome {
                    let mut unique = connections.clone();
                    unique.sort();
                    unique.dedup();
                    assert_eq!(unique.len(), connections.len(), "{connections:?} repeats");
                }
                assert_eq!(t, other_index.trace(ip, from), "input order changed the trace");
                let q = TraceQuery { destination: ip, source, from_vpc: from.map(String::from) };
                let with_source = index.trace_query(&q);
                assert!(with_source.hops.len() <= 4 * MAX_TABLE_HOPS);
                assert_eq!(with_source, other_index.trace_query(&q));
            }
        });
    }
}
