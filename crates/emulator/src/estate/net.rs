//! Addressing plan of the demo estate: deterministic CIDRs, public IPs, ASNs and ids.
//!
//! Cloud-side private space: Alibaba VPCs take `10.X.0.0/18` and `10.X.64.0/18`, Huawei VPCs
//! `10.X.128.0/17` where `X` is the (account, region) slot, so nothing overlaps by accident.
//! On-prem sites take `/24`s of `172.16.0.0/12`; their public IPs come from the documentation
//! ranges (RFC 5737) and then the benchmarking range `198.18.0.0/15` (RFC 2544). The
//! deliberate mistakes (see `mistakes.rs`) are the only overlaps.

use rand::rngs::StdRng;
use rand::Rng;

/// Slot number of an (account, region) pair; fits an octet for ≤ 20 accounts × 8 regions.
pub fn slot(account: usize, region: usize) -> usize {
    (account * 8 + region) % 250
}

/// Private /24 of on-prem site `i`.
pub fn site_cidr(i: usize) -> String {
    let i = i % 4096;
    format!("172.{}.{}.0/24", 16 + i / 256, i % 256)
}

/// Public IP of on-prem site `i`'s VPN device.
pub fn site_public_ip(i: usize) -> String {
    const DOC: [&str; 3] = ["203.0.113", "198.51.100", "192.0.2"];
    if i < 3 * 250 {
        format!("{}.{}", DOC[i % 3], 1 + i / 3)
    } else {
        let n = (i - 750) % (2 * 65536 - 2) + 1;
        format!("198.{}.{}.{}", 18 + n / 65536, (n / 256) % 256, n % 256)
    }
}

/// Private BGP ASN of site `i` (64512–65534).
pub fn site_asn(i: usize) -> u32 {
    64512 + (i % 1023) as u32
}

/// Alibaba-side public IP of VPN gateway `g` in slot `s` (Alibaba's 47.x space).
pub fn aliyun_gateway_ip(s: usize, g: usize) -> String {
    format!(
        "47.{}.{}.{}",
        96 + s / 64,
        (s % 64) * 4 + g / 250,
        1 + g % 250
    )
}

/// Huawei-side public IP of VPN gateway `g` in slot `s` (Huawei Cloud's 121.36.x space).
pub fn huawei_gateway_ip(s: usize, g: usize, tunnel: usize) -> String {
    format!(
        "121.{}.{}.{}",
        36 + s / 64,
        (s % 64) * 4 + g / 120,
        1 + (g % 120) * 2 + tunnel
    )
}

/// `/30` inside 169.254.0.0/16 for tunnel `n` (alibaba.md §5.9 "VPN BGP tunnel CIDR").
pub fn tunnel_cidr(n: usize) -> (String, String, String) {
    let n = n % 16384;
    let base = n * 4;
    let (a, b) = (base / 256, base % 256);
    (
        format!("169.254.{a}.{b}/30"),
        format!("169.254.{a}.{}", b + 1),
        format!("169.254.{a}.{}", b + 2),
    )
}

/// Alibaba-style id: prefix, region code letters and 21 base-36 characters.
pub fn aliyun_id(rng: &mut StdRng, prefix: &str) -> String {
    const A: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let tail: String = (0..21).map(|_| A[rng.gen_range(0..36)] as char).collect();
    format!("{prefix}-bp1{tail}")
}

/// 36-character UUID as Huawei uses for every resource (huawei.md §2.1).
pub fn huawei_id(rng: &mut StdRng) -> String {
    uuid::Builder::from_random_bytes(rng.gen())
        .into_uuid()
        .to_string()
}

/// 32 hex characters (Huawei project ids).
pub fn hex32(rng: &mut StdRng) -> String {
    (0..32)
        .map(|_| char::from_digit(rng.gen_range(0..16), 16).unwrap_or('0'))
        .collect()
}

/// A pre-shared key: present in the state, treated as a secret by every consumer.
pub fn psk(rng: &mut StdRng) -> String {
    const A: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    (0..24)
        .map(|_| A[rng.gen_range(0..A.len())] as char)
        .collect()
}

/// Does `inner` lie inside `outer` (both `a.b.c.d/n`)?
pub fn cidr_contains(outer: &str, inner: &str) -> bool {
    match (parse(outer), parse(inner)) {
        (Some((o, on)), Some((i, inn))) => inn >= on && (i & mask(on)) == (o & mask(on)),
        _ => false,
    }
}

/// Do two CIDRs overlap?
pub fn cidr_overlaps(a: &str, b: &str) -> bool {
    cidr_contains(a, b) || cidr_contains(b, a)
}

fn mask(n: u32) -> u32 {
    if n == 0 {
        0
    } else {
        u32::MAX << (32 - n.min(32))
    }
}

fn parse(c: &str) -> Option<(u32, u32)> {
    let (ip, len) = c.split_once('/')?;
    let ip: std::net::Ipv4Addr = ip.parse().ok()?;
    Some((u32::from(ip), len.parse().ok().filter(|n| *n <= 32)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn plan_is_disjoint_and_well_formed() {
        assert!(!cidr_overlaps(&site_cidr(0), &site_cidr(1)));
        assert!(cidr_contains("100.64.0.0/10", "100.100.1.0/24"));
        assert!(!cidr_overlaps("10.1.0.0/18", "10.1.64.0/18"));
        assert_eq!(site_public_ip(0), "203.0.113.1");
        assert!(site_public_ip(5000).starts_with("198.1"));
        assert!((0..3000).all(|i| (64512..=65534).contains(&site_asn(i))));
        assert_eq!(tunnel_cidr(1).0, "169.254.0.4/30");
        let mut r = StdRng::seed_from_u64(1);
        let id = aliyun_id(&mut r, "vpn");
        assert!(id.starts_with("vpn-bp1") && id.len() == 28);
        assert_eq!(huawei_id(&mut r).len(), 36);
    }
}
