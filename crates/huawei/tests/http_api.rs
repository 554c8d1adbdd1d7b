//! Integration tests over real HTTP against `support::spawn()` on 127.0.0.1:0, which verifies
//! every signature with `huawei::verify`. No reqwest mocks.

mod support;

use chrono::{Duration, Utc};
use huawei::{
    run_call_with, CallArgs, Client, ClientConfig, Credentials, Error, ErrorKind,
    ListVpnConnectionsFilter, RetryPolicy, SecretString,
};
use std::sync::Arc;
use support::{spawn, AK, PROJECT, REGION, SK};

fn client(base: &str, sk: &str) -> Client {
    let creds = Credentials::new(AK, SecretString::from(sk));
    let mut cfg = ClientConfig::new(REGION, creds)
        .unwrap()
        .with_endpoint_override(base, false)
        .unwrap();
    cfg.retry = RetryPolicy::immediate(3);
    cfg.page_limit = 2;
    Client::new(cfg).unwrap()
}

#[tokio::test]
async fn discovers_project_id_once_via_iam_without_project_header() {
    let (base, seen) = spawn().await;
    let c = client(&base, SK);
    assert_eq!(c.project_id().await.unwrap(), PROJECT);
    assert_eq!(c.project_id().await.unwrap(), PROJECT);
    let s = seen.lock().unwrap();
    assert_eq!(s.hits["/v3/projects"], 1, "cached after the first lookup");
    assert_eq!(s.iam_had_project_header, Some(false));
    assert_eq!(s.queries[0].1, [("name".to_string(), REGION.to_string())]);
}

#[tokio::test]
async fn unknown_region_is_a_typed_error() {
    let (base, _) = spawn().await;
    let creds = Credentials::new(AK, SecretString::from(SK));
    let cfg = ClientConfig::new("eu-nowhere-9", creds)
        .unwrap()
        .with_endpoint_override(&base, false)
        .unwrap();
    let err = Client::new(cfg).unwrap().project_id().await.unwrap_err();
    assert!(
        matches!(err, Error::ProjectNotFound { ref region } if region == "eu-nowhere-9"),
        "{err}"
    );
}

#[tokio::test]
async fn list_all_follows_next_marker_through_every_page() {
    let (base, seen) = spawn().await;
    let all = client(&base, SK)
        .list_all_customer_gateways()
        .await
        .unwrap();
    let ids: Vec<&str> = all.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["cgw-1", "cgw-2", "cgw-3", "cgw-4", "cgw-5"]);
    assert_eq!(
        all[2].bgp_asn,
        Some(65003),
        "ASN sent as a string is accepted"
    );
    let s = seen.lock().unwrap();
    let markers: Vec<Option<String>> = s
        .queries
        .iter()
        .filter(|(p, _)| p.ends_with("/customer-gateways"))
        .map(|(_, q)| {
            q.iter()
                .find(|(k, _)| k == "marker")
                .map(|(_, v)| v.clone())
        })
        .collect();
    // The marker contains ':' and survived signing + URL encoding (verified server-side).
    assert_eq!(
        markers,
        [
            None,
            Some("2025-06-11T13:59:52.633Z".into()),
            Some("2025-06-11T13:59:54.633Z".into())
        ]
    );
}

#[tokio::test]
async fn throttled_read_is_retried_and_marker_falls_back_to_created_at() {
    let (base, seen) = spawn().await;
    let all = client(&base, SK)
        .list_all_vpn_connections(&ListVpnConnectionsFilter::default())
        .await
        .unwrap();
    let ids: Vec<&str> = all.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["vc-1", "vc-2", "vc-3"]);
    assert_eq!(all[0].enable_nqa, Some(false));
    let path = format!("/v5/{PROJECT}/vpn-connection");
    // 1 throttled (429 APIGW.0308) + 2 pages.
    assert_eq!(seen.lock().unwrap().hits[&path], 3);
}

#[tokio::test]
async fn api_errors_are_classified_with_request_ids() {
    let (base, seen) = spawn().await;
    let c = client(&base, SK);

    let err = c.show_vpn_gateway("missing").await.unwrap_err();
    let Error::Api(api) = &err else {
        panic!("{err}")
    };
    assert_eq!(
        (api.status, api.code.as_str(), api.kind),
        (404, "VPN.0004", ErrorKind::NotFound)
    );
    assert_eq!(api.request_id.as_deref(), Some("req-from-header"));

    // Transient 503 on a read: retried up to the cap, then reported.
    let err = c.list_vpn_gateways(&[]).await.unwrap_err();
    assert_eq!(err.kind(), Some(ErrorKind::Transient));
    assert_eq!(
        seen.lock().unwrap().hits[&format!("/v5/{PROJECT}/vpn-gateways")],
        3
    );

    // Unknown route: APIGW code classified from the code, not just the status.
    let err = c.show_quotas().await.unwrap_err();
    assert_eq!(err.kind(), Some(ErrorKind::NotFound));
}

#[tokio::test]
async fn writes_are_not_retried_on_server_errors() {
    let (base, seen) = spawn().await;
    let req = huawei::types::CreateCustomerGateway {
        id_value: "203.0.113.10".into(),
        ..Default::default()
    };
    let err = client(&base, SK)
        .create_customer_gateway(&req)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), Some(ErrorKind::Transient));
    assert_eq!(
        seen.lock().unwrap().hits[&format!("/v5/{PROJECT}/customer-gateways")],
        1
    );
}

#[tokio::test]
async fn wrong_secret_and_clock_skew_fail_signature_verification() {
    let (base, seen) = spawn().await;
    let err = client(&base, "WrongSecretKey")
        .project_id()
        .await
        .unwrap_err();
    let Error::Api(api) = &err else {
        panic!("{err}")
    };
    assert_eq!(
        (api.status, api.code.as_str(), api.kind),
        (401, "APIGW.0301", ErrorKind::Auth)
    );
    assert!(!err.to_string().contains("WrongSecretKey"));

    let creds = Credentials::new(AK, SecretString::from(SK));
    let mut cfg = ClientConfig::new(REGION, creds)
        .unwrap()
        .with_endpoint_override(&base, false)
        .unwrap();
    cfg.clock = Arc::new(|| Utc::now() - Duration::minutes(20));
    let err = Client::new(cfg).unwrap().project_id().await.unwrap_err();
    assert_eq!(err.kind(), Some(ErrorKind::Auth));
    assert!(err.to_string().contains("expired"), "{err}");
    assert_eq!(seen.lock().unwrap().auth_failures, 2);
}

#[tokio::test]
async fn run_call_redacts_psk_and_decode_errors_do_not_leak_it() {
    let (base, _) = spawn().await;
    let c = client(&base, SK);
    let args = CallArgs {
        method: "get".into(),
        path: "/v5/{project_id}/vpn-connection/c-secret".into(),
        region: REGION.into(),
        ..Default::default()
    };
    let out = run_call_with(&c, &args).await.unwrap();
    assert_eq!(out["vpn_connection"]["status"], "ACTIVE");
    assert_eq!(out["vpn_connection"]["psk"], huawei::redact::REDACTED);

    // The typed read keeps the PSK but never prints it.
    let conn = c.show_vpn_connection("c-secret").await.unwrap();
    assert!(!format!("{conn:?}").contains("TopSecretPsk123"));
    assert!(!format!("{c:?}").contains(SK));

    let err = c.list_connection_monitors(None).await.unwrap_err();
    let Error::Decode { snippet, .. } = &err else {
        panic!("{err}")
    };
    assert!(snippet.contains("not-a-list"));
    assert!(!err.to_string().contains("LeakyPsk999"));
}

#[tokio::test]
async fn offset_pagination_collects_every_client_session() {
    let (base, _) = spawn().await;
    let all = client(&base, SK)
        .list_all_p2c_connections("g1")
        .await
        .unwrap();
    let ids: Vec<&str> = all.iter().map(|c| c.connection_id.as_str()).collect();
    assert_eq!(ids, ["s0", "s1", "s2"]);
    assert_eq!(all[0].inbound_bytes, Some(10));
}

#[tokio::test]
async fn connection_refused_is_a_transport_error() {
    // Bind then drop a listener to get a port with nothing behind it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let err = client(&format!("http://127.0.0.1:{port}"), SK)
        .project_id()
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport {
                kind: huawei::TransportKind::Connect,
                ..
            }
        ),
        "{err}"
    );
}
