//! Fuzzing the smaller parsers on the Huawei side: the server-side signature check (the
//! emulator runs it on whatever a client sends: any `Authorization`, `X-Sdk-Date`, headers,
//! query and body), `X-Sdk-Date` itself, `k=v` arguments of `gatewatch call huawei` and
//! endpoint URLs. Arbitrary text never panics or hangs, and what parses means what it says.
#[path = "../../aliyun/tests/fuzz_support/harness.rs"]
mod harness;

use chrono::{TimeZone, Utc};
use harness::{bounded, config};
use huawei::call::parse_query_arg;
use huawei::sign::{format_sdk_date, parse_query, parse_sdk_date};
use huawei::verify::parse_authorization;
use huawei::{verify, Endpoints, SecretString, VerifyRequest};
use proptest::prelude::*;

/// `Authorization`-shaped text: the real layout with damage, or anything.
fn authorization() -> impl Strategy<Value = String> {
    prop_oneof![
        "SDK-HMAC-SHA256 Access=[A-Z0-9]{0,8}, SignedHeaders=[a-z;-]{0,30}, Signature=[0-9a-fA-F]{60,68}",
        "[A-Za-z0-9 ,=;-]{0,60}",
        ".{0,60}",
    ]
}

proptest! {
    #![proptest_config(config(1000))]

    #[test]
    fn any_received_request_is_checked_without_panicking(
        auth in authorization(),
        date in prop_oneof!["[0-9]{8}T[0-9]{6}Z", ".{0,20}"],
        extra in prop::collection::vec(("[A-Za-z-]{1,10}", ".{0,10}"), 0..4),
        raw_query in ".{0,40}",
        body in prop::collection::vec(any::<u8>(), 0..32),
        now in 0i64..253_402_300_799,
    ) {
        bounded("huawei received request", move || {
            if let Ok(parts) = parse_authorization(&auth) {
                assert_eq!(parts.signature.len(), 64);
                assert!(!parts.access_key.is_empty() && !parts.signed_headers.is_empty());
            }
            let mut headers = vec![
                ("Authorization".to_owned(), auth),
                ("X-Sdk-Date".to_owned(), date),
                ("Host".to_owned(), "h".to_owned()),
            ];
            headers.extend(extra);
            let query = parse_query(&raw_query);
            let req = VerifyRequest { method: "GET", path: "/v5/p", query: &query, headers: &headers, body: &body };
            let now = Utc.timestamp_opt(now, 0).unwrap();
            if let Err(e) = verify(&req, now, |_| Some(SecretString::from("sk"))) {
                assert_eq!((e.http_status(), e.error_code()), (401, "APIGW.0301"));
            }
        });
    }

    #[test]
    fn sdk_dates_parse_back_to_themselves(text in prop_oneof!["[0-9]{8}T[0-9]{6}Z", ".{0,20}"]) {
        if let Some(t) = parse_sdk_date(&text) {
            prop_assert_eq!(parse_sdk_date(&format_sdk_date(t)), Some(t));
        }
    }

    #[test]
    fn call_arguments_and_endpoints_parse_or_explain(
        arg in ".{0,20}",
        url in prop_oneof!["(https?|ftp)://[a-z0-9.:\\[\\]-]{0,30}(/[a-z]{0,5})?", ".{0,40}"],
        insecure in any::<bool>(),
    ) {
        match parse_query_arg(&arg) {
            Ok((k, v)) => prop_assert!(!k.is_empty() && arg.starts_with(&k) && arg.ends_with(&v)),
            Err(e) => prop_assert!(e.to_string().contains("no key")),
        }
        let _ = Endpoints::public(&url);
        if let Err(e) = Endpoints::override_all(&url, insecure) {
            prop_assert!(!e.to_string().is_empty());
        }
        let _ = Endpoints::custom(&url, &url, insecure);
    }
}
