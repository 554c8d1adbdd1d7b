//! Fuzzing the response side of the Alibaba client: every body the client may be handed —
//! random bytes, arbitrary JSON, the seed examples mutated (see `fuzz_support::json`) — goes
//! through what the client does with it: [`decode`] (status, JSON or XML error body,
//! envelope), then `serde_json::from_value` into every typed response of the operations,
//! pagination accessors, and [`redact_json`]. Nothing may panic or hang; a typed value must
//! survive its own serialization (the emulator serves these types).
//!
//! Short by default; `PROPTEST_CASES=N` (see `scripts/fuzz.sh`) for a long run.
mod fuzz_support;

use aliyun::error::{classify, SNIPPET_LEN};
use aliyun::response::{decode, unwrap_envelope};
use aliyun::types::Paged;
use aliyun::types::{
    bgp::*, connection::*, customer_gateway::*, eip::*, logs::*, region::*, route_table::*,
    router_interface::*, ssl_vpn::*, tag::*, vbr::*, vpc::*, vpn_gateway::*, vpn_route::*,
    write::*,
};
use aliyun::{redact_json, Error};
use fuzz_support::harness::{bounded, config};
use fuzz_support::json::{any_body, seeds_from_sources};
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

fn seeds() -> Vec<Value> {
    let seeds = seeds_from_sources(&[
        include_str!("seed_vpn.rs"),
        include_str!("seed_vpc.rs"),
        include_str!("seed_hybrid.rs"),
        include_str!("tolerant.rs"),
    ]);
    assert!(seeds.len() >= 30, "seed examples found: {}", seeds.len());
    seeds
}

/// Decodes into `T` like `Client::call_typed`; a value must round-trip through itself.
fn typed<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(v: &Value) -> Option<T> {
    let t: T = serde_json::from_value(v.clone()).ok()?;
    let again = serde_json::to_value(&t).expect("a typed response serializes");
    let back: T = serde_json::from_value(again.clone())
        .unwrap_or_else(|e| panic!("{again} does not read back: {e}"));
    assert_eq!(t, back, "round trip changed the value");
    Some(t)
}

/// A paged response also answers what `list_all` asks of it.
fn paged<T: Paged + Serialize + PartialEq + std::fmt::Debug>(v: &Value) {
    if let Some(page) = typed::<T>(v) {
        let _ = (page.total_count(), page.page_size());
        let _ = page.into_items().len();
    }
}

/// Everything the client does with a decoded 2xx body.
fn every_response_type(v: &Value) {
    paged::<DescribeVpnGatewaysResponse>(v);
    paged::<DescribeCustomerGatewaysResponse>(v);
    paged::<DescribeVpnConnectionsResponse>(v);
    paged::<DescribeVpnRouteEntriesResponse>(v);
    paged::<DescribeVpnPbrRouteEntriesResponse>(v);
    paged::<DescribeSslVpnServersResponse>(v);
    paged::<DescribeSslVpnClientCertsResponse>(v);
    paged::<DescribeVpcsResponse>(v);
    paged::<DescribeVSwitchesResponse>(v);
    paged::<DescribeVRoutersResponse>(v);
    paged::<DescribeRouteTablesResponse>(v);
    paged::<DescribeRouteTableListResponse>(v);
    paged::<DescribeVirtualBorderRoutersResponse>(v);
    paged::<DescribePhysicalConnectionsResponse>(v);
    paged::<DescribeRouterInterfacesResponse>(v);
    paged::<DescribeBgpGroupsResponse>(v);
    paged::<DescribeBgpPeersResponse>(v);
    paged::<DescribeBgpNetworksResponse>(v);
    paged::<DescribeEipAddressesResponse>(v);
    typed::<DescribeVpnGatewayResponse>(v);
    typed::<DescribeCustomerGatewayResponse>(v);
    typed::<DescribeVpnConnectionResponse>(v);
    typed::<DownloadVpnConnectionConfigResponse>(v);
    typed::<DescribeRegionsResponse>(v);
    typed::<DescribeVpnLogsResponse>(v);
    typed::<ListTagResourcesResponse>(v);
    typed::<WriteResponse>(v);
}

/// Secrets the error text must never contain (no `*`, which the redaction itself writes).
fn secrets() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec("[A-Za-z0-9+/= %.-]{4,16}", 0..3)
}

proptest! {
    #![proptest_config(config(1000))]

    #[test]
    fn success_bodies_decode_or_fail_cleanly(body in any_body(seeds())) {
        bounded("aliyun 2xx body", move || {
            let text = String::from_utf8_lossy(&body).into_owned();
            match decode("Fuzz", 200, &text, &[]) {
                Ok(v) => {
                    let parsed: Value = serde_json::from_str(&text).expect("decode accepted it");
                    assert_eq!(v, unwrap_envelope(parsed));
                    every_response_type(&v);
                    let mut redacted = v.clone();
                    redact_json(&mut redacted);
                    let once = redacted.clone();
                    redact_json(&mut redacted);
                    assert_eq!(redacted, once, "redaction is idempotent");
                }
                Err(Error::Decode { status, body_snippet, .. }) => {
                    assert_eq!(status, 200);
                    assert!(serde_json::from_str::<Value>(&text).is_err());
                    assert!(body_snippet.chars().count() <= SNIPPET_LEN + 1);
                }
                Err(other) => panic!("a 2xx body gave {other:?}"),
            }
        });
    }

    #[test]
    fn error_bodies_become_api_errors_without_secrets(
        body in any_body(seeds()),
        status in prop_oneof![300u16..600, 0u16..200, 600u16..=u16::MAX],
        secrets in secrets(),
    ) {
        bounded("aliyun error body", move || {
            let text = String::from_utf8_lossy(&body).into_owned();
            let err = decode("Fuzz", status, &text, &secrets).expect_err("non-2xx is an error");
            let api = err.api().expect("an API error").clone();
            assert_eq!(api.status, status);
            assert_eq!(api.kind, classify(status, &api.code));
            for s in &secrets {
                assert!(!api.message.contains(s.as_str()), "secret {s:?} in {:?}", api.message);
            }
        });
    }
}
