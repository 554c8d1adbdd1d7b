//! Fuzzing the CIDR / IP parsing the store feeds the analysis with, and the inventory's JSON
//! form: arbitrary text never panics, a parse error names the field and the value, a parsed
//! CIDR is normalised (host bits cleared) and reads back from its own text, and any
//! inventory survives a JSON round trip while arbitrary JSON fails cleanly.
mod fuzz_inventory;
#[path = "../../aliyun/tests/fuzz_support/harness.rs"]
mod harness;

use fuzz_inventory::{address, inventory, prefix};
use harness::config;
use proptest::prelude::*;
use routes::{parse_cidr, parse_cidr_list, parse_ip, Inventory};

/// CIDR-shaped text: real prefixes with damage, or anything.
fn cidr_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prefix().prop_map(|p| p.to_string()),
        (address(), any::<u16>()).prop_map(|(a, len)| format!("{a}/{len}")),
        (address(), "[ /,x%:.0-9]{0,4}").prop_map(|(a, tail)| format!(" {a}{tail}")),
        "[0-9a-fA-F:./ ,-]{0,40}",
        ".{0,40}",
    ]
}

proptest! {
    #![proptest_config(config(1000))]

    #[test]
    fn cidr_parsing_is_total_normalised_and_explained(text in cidr_text()) {
        match parse_cidr("destination", &text) {
            Ok(net) => {
                prop_assert_eq!(net, net.trunc());
                prop_assert_eq!(parse_cidr("destination", &net.to_string()), Ok(net));
            }
            Err(e) => {
                prop_assert_eq!(&e.field, "destination");
                prop_assert_eq!(&e.value, &text);
                prop_assert!(e.to_string().contains("`destination`"));
            }
        }
        match parse_cidr_list("remote_subnets", &text) {
            Ok(nets) => prop_assert!(nets.iter().all(|n| *n == n.trunc())),
            Err(e) => prop_assert_eq!(&e.field, "remote_subnets"),
        }
        if let Ok(ip) = parse_ip("public_ip", &text) {
            prop_assert_eq!(parse_ip("public_ip", &ip.to_string()), Ok(ip));
        }
    }

    #[test]
    fn inventories_round_trip_through_json(inv in inventory(12)) {
        let json = serde_json::to_string(&inv).expect("an inventory serializes");
        let back: Inventory = serde_json::from_str(&json).expect("and reads back");
        prop_assert_eq!(back, inv);
    }

    #[test]
    fn damaged_inventory_json_fails_cleanly(inv in inventory(6), cut in any::<usize>(), text in cidr_text()) {
        let mut value = serde_json::to_value(&inv).expect("an inventory serializes");
        if let Some(route) = value["routes"].get_mut(0) {
            route["destination"] = serde_json::Value::String(text.clone());
        }
        let json = value.to_string();
        if !inv.routes.is_empty() && parse_cidr("destination", &text).is_err() {
            let err = serde_json::from_str::<Inventory>(&json).expect_err("a bad CIDR is refused");
            prop_assert!(err.to_string().contains("`destination`"), "{}", err);
        }
        let end = (0..=cut % (json.len() + 1)).rev().find(|&i| json.is_char_boundary(i)).unwrap_or(0);
        for candidate in [&json[..], &json[..end]] {
            if let Err(e) = serde_json::from_str::<Inventory>(candidate) {
                prop_assert!(!e.to_string().is_empty());
            }
        }
    }
}
