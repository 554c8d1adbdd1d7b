//! Tests for the LPM index, including a seeded random comparison against the naive scan.

use super::*;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::net::{Ipv4Addr, Ipv6Addr};

fn net(s: &str) -> IpNet {
    s.parse().unwrap()
}

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

#[test]
fn longest_prefix_wins_v4() {
    let idx = LpmIndex::build([
        (net("0.0.0.0/0"), 0),
        (net("10.0.0.0/8"), 1),
        (net("10.1.0.0/16"), 2),
        (net("10.1.0.0/16"), 3),
    ]);
    let (p, items) = idx.longest(ip("10.1.2.3")).unwrap();
    assert_eq!(p, net("10.1.0.0/16"));
    assert_eq!(items, &[2, 3]);
    assert_eq!(idx.longest(ip("10.2.0.1")).unwrap().0, net("10.0.0.0/8"));
    assert_eq!(idx.longest(ip("8.8.8.8")).unwrap().0, net("0.0.0.0/0"));
    let all: Vec<_> = idx.matches(ip("10.1.0.9")).map(|(p, _)| p).collect();
    assert_eq!(
        all,
        vec![net("10.1.0.0/16"), net("10.0.0.0/8"), net("0.0.0.0/0")]
    );
}

#[test]
fn families_do_not_mix() {
    let idx = LpmIndex::build([(net("0.0.0.0/0"), 0), (net("2001:db8::/32"), 1)]);
    assert!(idx.longest(ip("2001:db9::1")).is_none());
    assert_eq!(idx.longest(ip("2001:db8::1")).unwrap().1, &[1]);
    assert_eq!(idx.longest(ip("1.2.3.4")).unwrap().1, &[0]);
}

#[test]
fn covering_exact_and_within() {
    let idx = LpmIndex::build([(net("10.0.0.0/8"), 0), (net("10.1.2.0/24"), 1)]);
    assert_eq!(
        idx.covering(net("10.1.0.0/16")).unwrap().0,
        net("10.0.0.0/8")
    );
    assert!(idx.covering(net("11.0.0.0/16")).is_none());
    assert_eq!(idx.exact(net("10.1.2.0/24")), Some(&[1][..]));
    assert!(idx.exact(net("10.1.3.0/24")).is_none());
    assert!(idx.any_within(net("10.1.0.0/16")));
    assert!(idx.any_within(net("10.0.0.0/8")));
    assert!(!idx.any_within(net("10.2.0.0/16")));
    assert!(!idx.any_within(net("9.0.0.0/8")));
}

fn random_net(rng: &mut StdRng, v6: bool) -> IpNet {
    if v6 {
        // Few distinct top bits so prefixes actually nest.
        let addr = Ipv6Addr::from((rng.gen_range(0u128..4) << 124) | rng.gen::<u128>() >> 8);
        IpNet::new(IpAddr::V6(addr), rng.gen_range(0..=128))
            .unwrap()
            .trunc()
    } else {
        let addr = Ipv4Addr::from((rng.gen_range(0u32..4) << 28) | rng.gen::<u32>() >> 8);
        IpNet::new(IpAddr::V4(addr), rng.gen_range(0..=32))
            .unwrap()
            .trunc()
    }
}

fn random_probe(rng: &mut StdRng, entries: &[(IpNet, usize)], v6: bool) -> IpAddr {
    // Half the probes land inside a known prefix, half anywhere.
    if rng.gen_bool(0.5) && !entries.is_empty() {
        let (n, _) = entries[rng.gen_range(0..entries.len())];
        match n {
            IpNet::V4(n) => {
                let span = u32::MAX.checked_shr(u32::from(n.prefix_len())).unwrap_or(0);
                IpAddr::V4(Ipv4Addr::from(
                    u32::from(n.network()) | (rng.gen::<u32>() & span),
                ))
            }
            IpNet::V6(n) => {
                let span = u128::MAX
                    .checked_shr(u32::from(n.prefix_len()))
                    .unwrap_or(0);
                IpAddr::V6(Ipv6Addr::from(
                    u128::from(n.network()) | (rng.gen::<u128>() & span),
                ))
            }
        }
    } else {
        random_net(rng, v6).network()
    }
}

/// Property: for random tables and random probes, the index agrees with the linear scan
/// (same prefix, same item set). Seeded, so a failure reproduces.
#[test]
fn index_equals_naive_scan_on_random_tables() {
    let mut rng = StdRng::seed_from_u64(0x5eed_0f1a);
    for round in 0..300 {
        let v6 = round % 2 == 1;
        let n = rng.gen_range(0..60);
        let entries: Vec<(IpNet, usize)> = (0..n).map(|i| (random_net(&mut rng, v6), i)).collect();
        let idx = LpmIndex::build(entries.iter().copied());
        for _ in 0..40 {
            let probe = random_probe(&mut rng, &entries, v6);
            let fast = idx.longest(probe).map(|(p, items)| {
                let mut items = items.to_vec();
                items.sort_unstable();
                (p, items)
            });
            let slow = naive_longest(&entries, probe).map(|(p, mut items)| {
                items.sort_unstable();
                (p, items)
            });
            assert_eq!(
                fast, slow,
                "round {round} probe {probe} entries {entries:?}"
            );
        }
    }
}
