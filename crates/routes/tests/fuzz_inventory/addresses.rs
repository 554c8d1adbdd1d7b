//! Addresses and prefixes of both families, clustered so that they nest and collide.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use ipnet::IpNet;
use proptest::prelude::*;

/// An address near one of a few bases (so prefixes nest and collide), or anywhere.
pub fn address() -> impl Strategy<Value = IpAddr> {
    let v4 = prop_oneof![
        prop::sample::select(vec![
            [10, 0, 0, 0],
            [10, 1, 2, 0],
            [192, 168, 0, 0],
            [100, 64, 0, 0],
            [0, 0, 0, 0],
            [255, 255, 255, 255]
        ])
        .prop_flat_map(|b| (Just(b), any::<u8>()).prop_map(|(b, low)| [
            b[0],
            b[1],
            b[2],
            b[3] | (low & 0x0f)
        ])),
        any::<[u8; 4]>(),
    ]
    .prop_map(|o| IpAddr::V4(Ipv4Addr::from(o)));
    let v6 = prop_oneof![
        prop::sample::select(vec![
            0x2001_0db8_0000_0000_0000_0000_0000_0000u128,
            0,
            0xfd00 << 112,
            u128::MAX
        ])
        .prop_flat_map(|b| any::<u8>().prop_map(move |low| b ^ u128::from(low & 0x0f))),
        any::<u128>(),
    ]
    .prop_map(|x| IpAddr::V6(Ipv6Addr::from(x)));
    prop_oneof![3 => v4, 1 => v6]
}

/// A truncated prefix of either family, every length possible.
pub fn prefix() -> impl Strategy<Value = IpNet> {
    let len = prop_oneof![
        prop::sample::select(vec![0u8, 8, 16, 24, 32, 64, 128]),
        any::<u8>()
    ];
    (address(), len).prop_map(|(a, len)| {
        let max = if a.is_ipv4() { 32 } else { 128 };
        IpNet::new(a, len % (max + 1))
            .expect("length within the family")
            .trunc()
    })
}
