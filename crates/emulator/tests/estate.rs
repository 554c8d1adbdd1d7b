//! The demo estate: deterministic, realistic, with the planted mistakes, at every size.

use std::collections::HashSet;
use std::time::Instant;

use emulator::estate::mistakes::detect_aliyun;
use emulator::estate::{generate, EstateSize, MistakeKind};

#[test]
fn same_seed_same_estate_different_seed_different() {
    let a = generate(42, EstateSize::demo());
    let b = generate(42, EstateSize::demo());
    assert!(a == b);
    let c = generate(43, EstateSize::demo());
    assert!(a != c);
    assert_ne!(
        a.accounts[0].aliyun[0].connections[0].vpn_connection_id,
        c.accounts[0].aliyun[0].connections[0].vpn_connection_id
    );
    assert_ne!(a.accounts[0].aliyun_key, c.accounts[0].aliyun_key);
}

#[test]
fn presets_have_the_documented_sizes() {
    let toy = generate(1, EstateSize::toy());
    // 3 generated + the planted overlapping-CIDR connection on the Alibaba side.
    assert_eq!(toy.connection_counts(), (4, 3));
    let demo = generate(1, EstateSize::demo());
    assert_eq!(demo.connection_counts(), (41, 40));
    assert_eq!(demo.accounts.len(), 2);
    assert!(demo
        .accounts
        .iter()
        .all(|a| a.aliyun.len() == 2 && a.huawei.len() == 2));
}

#[test]
fn planted_mistakes_are_present_and_detectable() {
    let e = generate(42, EstateSize::demo());
    let first = &e.accounts[0].aliyun[0];
    let found: HashSet<_> = detect_aliyun(first).into_iter().collect();
    for k in [
        MistakeKind::OverlappingOnPremCidr,
        MistakeKind::ShadowedRoute,
        MistakeKind::CgnatCidr,
        MistakeKind::SslPoolOverlapsVSwitch,
        MistakeKind::BgpWrongAsn,
    ] {
        assert!(found.contains(&k), "{k:?} not detected");
        assert!(
            e.mistakes
                .iter()
                .any(|m| m.kind == k && m.cloud == "aliyun"),
            "{k:?} not listed"
        );
    }
    assert!(e
        .mistakes
        .iter()
        .any(|m| m.cloud == "huawei" && m.kind == MistakeKind::BgpWrongAsn));
    // Other regions are clean: the mistakes are deliberate, not accidents of the plan.
    assert!(
        detect_aliyun(&e.accounts[1].aliyun[1]).is_empty(),
        "{:?}",
        detect_aliyun(&e.accounts[1].aliyun[1])
    );
}

#[test]
fn estate_is_realistic_and_sites_are_shared_by_both_clouds() {
    let e = generate(42, EstateSize::demo());
    let a = &e.accounts[0];
    let ali: HashSet<(String, u64)> = a
        .aliyun
        .iter()
        .flat_map(|r| &r.customer_gateways)
        .map(|c| (c.ip_address.clone().unwrap(), u64::from(c.asn.unwrap())))
        .collect();
    let hw: HashSet<(String, u64)> = a
        .huawei
        .iter()
        .flat_map(|r| &r.customer_gateways)
        .map(|c| (c.id_value.clone().unwrap(), c.bgp_asn.unwrap()))
        .collect();
    assert!(
        ali.intersection(&hw).count() >= 3,
        "sites reached from both clouds"
    );
    assert!(ali.iter().all(|(_, asn)| (64512..=65534).contains(asn)));
    let names: Vec<_> = a.aliyun[0]
        .customer_gateways
        .iter()
        .map(|c| c.name.clone().unwrap())
        .collect();
    assert!(
        names.contains(&"Shanghai DC".to_string()) && names.contains(&"Frankfurt DC".to_string()),
        "{names:?}"
    );
    let c = &a.aliyun[0].connections[0];
    let tunnels = &c.tunnel_options_specification.as_ref().unwrap().items;
    assert_eq!(tunnels.len(), 2);
    assert!(c
        .ike_config
        .as_ref()
        .unwrap()
        .psk
        .as_ref()
        .unwrap()
        .is_set());
    assert!(!a.aliyun[0].hybrid.bgp_peers.is_empty() && !a.aliyun[0].hybrid.vbrs.is_empty());
    assert!(!a.aliyun[0].ssl_servers.is_empty());
    let rt = &a.aliyun[0].vpc.route_tables[0].route_entrys.items;
    assert!(rt
        .iter()
        .any(|r| r.next_hop_type.as_deref() == Some("VpnGateway")));
    assert!(rt
        .iter()
        .any(|r| r.next_hop_type.as_deref() == Some("RouterInterface")));
}

/// The largest estate: 20 accounts × 8 regions × 5 gateways × 125 connections = 100,000
/// connections per cloud (5,000 per account per cloud). Prints its generation time.
/// Ignored by default: it needs ~1 GB and ~13 s in a debug build (run with `--ignored`).
#[test]
#[ignore = "1 GB of RAM, ~13 s in debug; run with --ignored"]
fn largest_estate_generation_time() {
    let t = Instant::now();
    let e = generate(7, EstateSize::max());
    let took = t.elapsed();
    let (ali, hw) = e.connection_counts();
    println!(
        "largest estate {:?}: {ali} Alibaba + {hw} Huawei connections in {took:?}",
        EstateSize::max()
    );
    assert_eq!(hw, 100_000);
    assert_eq!(ali, 100_001);
    assert_eq!(e.accounts.len(), 20);
}

/// One account at the maximum per-account size (5,000 connections per cloud).
#[test]
fn one_full_account_generation_time() {
    let size = EstateSize {
        accounts: 1,
        ..EstateSize::max()
    };
    let t = Instant::now();
    let e = generate(7, size);
    println!(
        "one full account: {:?} connections in {:?}",
        e.connection_counts(),
        t.elapsed()
    );
    assert_eq!(e.connection_counts(), (5_001, 5_000));
}
