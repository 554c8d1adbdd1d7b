//! Fuzzing the response side of the Huawei client: random bytes, arbitrary JSON and the seed
//! examples mutated (generators shared with `aliyun`, see its `tests/fuzz_support`) go
//! through what the client does with a body: `serde_json::from_slice` into every typed
//! response the operations decode, the marker-pagination step for list responses
//! ([`next_marker`]), error-body parsing ([`parse_api_error`], [`snippet`]) and
//! [`redact_json`]. Nothing may panic or hang; typed values round-trip through themselves.
//!
//! Short by default; `PROPTEST_CASES=N` (see `scripts/fuzz.sh`) for a long run.
#[path = "../../aliyun/tests/fuzz_support/mod.rs"]
mod fuzz_support;

use fuzz_support::harness::{bounded, config};
use fuzz_support::json::{any_body, seeds_from_sources};
use huawei::error::{classify, parse_api_error, snippet};
use huawei::pagination::next_marker;
use huawei::redact_json;
use huawei::types::*;
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

fn seeds() -> Vec<Value> {
    let seeds = seeds_from_sources(&[
        include_str!("../src/types/seed_tests/connections.rs"),
        include_str!("../src/types/seed_tests/gateways.rs"),
        include_str!("../src/types/seed_tests/p2c.rs"),
        include_str!("../src/types/seed_tests/p2c_servers.rs"),
    ]);
    assert!(seeds.len() >= 20, "seed examples found: {}", seeds.len());
    seeds
}

/// Decodes like the client's `decode`; a value must round-trip through itself.
fn typed<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(body: &[u8]) -> Option<T> {
    let t: T = serde_json::from_slice(body).ok()?;
    let again = serde_json::to_value(&t).expect("a typed response serializes");
    let back: T = serde_json::from_value(again.clone())
        .unwrap_or_else(|e| panic!("{again} does not read back: {e}"));
    assert_eq!(t, back, "round trip changed the value");
    Some(t)
}

/// A list response also goes through the pagination step of `Client::list_page`.
fn list<T: ListResponse + Serialize + PartialEq + std::fmt::Debug>(
    body: &[u8],
    limit: u32,
    current: Option<&str>,
) {
    let Some(page) = typed::<T>(body) else { return };
    let (items, info, _total, _request_id) = page.into_parts();
    let next = next_marker(&items, info.as_ref(), limit, current);
    if items.is_empty() || items.len() < limit as usize {
        assert_eq!(next, None, "a short page is the last one");
    }
    if let Some(m) = &next {
        assert!(
            !m.is_empty() && Some(m.as_str()) != current,
            "marker {m:?} would not advance"
        );
    }
}

fn every_response_type(body: &[u8], limit: u32, current: Option<&str>) {
    list::<ListVpnConnectionsResponse>(body, limit, current);
    list::<ListCustomerGatewaysResponse>(body, limit, current);
    list::<RoutingTableResponse>(body, limit, current);
    list::<ListP2cGatewaysResponse>(body, limit, current);
    list::<ListVpnServersResponse>(body, limit, current);
    list::<ListUsersResponse>(body, limit, current);
    list::<ListUserGroupsResponse>(body, limit, current);
    list::<ListAccessPoliciesResponse>(body, limit, current);
    typed::<AvailabilityZonesResponse>(body);
    typed::<AvailabilityZonesV51Response>(body);
    typed::<ConnectionLogsResponse>(body);
    typed::<ListConnectionMonitorsResponse>(body);
    typed::<ListJobsResponse>(body);
    typed::<ListP2cConnectionsResponse>(body);
    typed::<ListVpnGatewaysResponse>(body);
    typed::<ProjectTagsResponse>(body);
    typed::<ProjectsResponse>(body);
    typed::<QuotasResponse>(body);
    typed::<ResourceTagsResponse>(body);
    typed::<ShowConnectionMonitorResponse>(body);
    typed::<ShowCustomerGatewayResponse>(body);
    typed::<ShowGatewayCertificateResponse>(body);
    typed::<ShowP2cGatewayResponse>(body);
    typed::<ShowVpnConnectionResponse>(body);
    typed::<ShowVpnGatewayResponse>(body);
}

proptest! {
    #![proptest_config(config(1000))]

    #[test]
    fn success_bodies_decode_or_fail_cleanly(
        body in any_body(seeds()),
        limit in prop_oneof![1u32..5, Just(200), Just(u32::MAX), Just(0)],
        current in prop::option::of(".{0,30}"),
    ) {
        bounded("huawei 2xx body", move || {
            every_response_type(&body, limit, current.as_deref());
            if let Ok(mut v) = serde_json::from_slice::<Value>(&body) {
                redact_json(&mut v);
                let once = v.clone();
                redact_json(&mut v);
                assert_eq!(v, once, "redaction is idempotent");
            }
        });
    }

    #[test]
    fn error_bodies_parse_and_snippets_stay_short_and_redacted(
        body in any_body(seeds()),
        status in any::<u16>(),
        header_id in prop::option::of("[a-z0-9-]{0,36}"),
        psk in "[A-Za-z0-9]{12,20}",
    ) {
        bounded("huawei error body", move || {
            let e = parse_api_error(status, header_id.as_deref(), &body);
            assert_eq!(e.status, status);
            assert_eq!(e.kind, classify(status, &e.code));
            if header_id.is_some() {
                assert_eq!(e.request_id, header_id, "the header's request id wins");
            }
            let cut = snippet(&body);
            assert!(cut.chars().count() <= 257, "{} chars", cut.chars().count());
            // A secret-named field added to any object body never reaches the snippet.
            if let Ok(Value::Object(mut fields)) = serde_json::from_slice::<Value>(&body) {
                fields.insert("psk".to_owned(), Value::String(psk.clone()));
                let with_secret = serde_json::to_vec(&fields).expect("JSON serializes");
                let cut = snippet(&with_secret);
                assert!(!cut.contains(&psk), "{cut}");
            }
        });
    }
}
