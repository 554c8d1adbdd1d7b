//! Fuzzing the smaller parsers on the Alibaba side: the two time formats of the wire types,
//! the server-side query decoding and signature check (the emulator runs them on whatever a
//! client sends), the `Key=Value` arguments of `gatewatch call aliyun` and endpoint URLs.
//! Arbitrary text never panics or hangs, and what parses means what it says.
mod fuzz_support;

use aliyun::encode::decode_query;
use aliyun::time::{from_epoch_ms, parse_iso_loose};
use aliyun::{parse_key_values, verify, Endpoint, HttpMethod};
use fuzz_support::harness::{bounded, config};
use proptest::prelude::*;
use secrecy::SecretString;

/// Time-shaped text: real shapes with damage, or anything.
fn time_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,6}-[0-9]{1,2}-[0-9]{1,2}[T ][0-9]{1,2}:[0-9]{1,2}(:[0-9]{1,2})?(Z|z|[+-][0-9]{2}:[0-9]{2})?",
        "[0-9TZ:+. -]{0,30}",
        ".{0,30}",
    ]
}

proptest! {
    #![proptest_config(config(1000))]

    #[test]
    fn time_fields_parse_or_are_absent(text in time_text(), ms in any::<i64>()) {
        let _ = parse_iso_loose(&text);
        if let Some(t) = from_epoch_ms(ms) {
            prop_assert_eq!(t.timestamp_millis(), ms);
        }
    }

    #[test]
    fn received_queries_decode_and_verify_without_panicking(
        raw in prop_oneof!["[a-zA-Z0-9%=&+._~-]{0,80}", ".{0,80}"],
        secret in ".{0,16}",
    ) {
        bounded("aliyun received query", move || {
            let pairs = decode_query(&raw);
            assert!(pairs.len() <= raw.split('&').count());
            let v = verify(HttpMethod::Get, &pairs, &SecretString::from(secret));
            let _ = (v.is_valid(), v.mismatch_message());
        });
    }

    #[test]
    fn call_arguments_and_endpoints_parse_or_explain(
        args in prop::collection::vec(".{0,20}", 0..5),
        url in prop_oneof!["(https?|ftp)://[a-z0-9.:\\[\\]-]{0,30}(/[a-z]{0,5})?", ".{0,40}"],
        insecure in any::<bool>(),
    ) {
        match parse_key_values(&args) {
            Ok(pairs) => prop_assert!(pairs.iter().all(|(k, _)| !k.is_empty() && k.trim() == k)),
            Err(e) => prop_assert!(e.to_string().contains("Key=Value")),
        }
        if let Err(e) = Endpoint::parse(&url, insecure) {
            prop_assert!(!e.to_string().is_empty());
        }
        let _ = Endpoint::for_region(&url);
    }
}
