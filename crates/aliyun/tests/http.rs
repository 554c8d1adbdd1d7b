//! End-to-end tests over real HTTP against the local verifying server in `support/`:
//! pagination, retry on `Throttling.User`, error classification, write idempotency, and
//! secret redaction. No reqwest mocks: the client talks to 127.0.0.1:<ephemeral port>.

mod support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use aliyun::types::write::{ModifyVpnRouteWeight, PublishVpnRouteEntry, VpnRouteType};
use aliyun::{run_call, Client, ClientConfig, Credentials, Error, ErrorKind, RetryPolicy};
use support::{start, AKID, SECRET};

type Sleeps = Arc<Mutex<Vec<Duration>>>;

/// A retry policy that records the back-off it would sleep instead of sleeping.
fn recording_policy(max_attempts: u32) -> (RetryPolicy, Sleeps) {
    let sleeps: Sleeps = Arc::default();
    let rec = sleeps.clone();
    let policy = RetryPolicy {
        base_delay: Duration::from_millis(100),
        sleep: Arc::new(move |d| {
            rec.lock().unwrap().push(d);
            Box::pin(async {})
        }),
        ..RetryPolicy::immediate(max_attempts)
    };
    (policy, sleeps)
}

fn config(base: &str, creds: Credentials, retry: RetryPolicy) -> ClientConfig {
    ClientConfig {
        endpoint: Some(base.to_owned()),
        retry,
        ..ClientConfig::new(creds)
    }
}

fn client(base: &str, retry: RetryPolicy) -> Client {
    Client::new(config(base, Credentials::new(AKID, SECRET), retry)).unwrap()
}

fn param<'a>(p: &'a [(String, String)], k: &str) -> Option<&'a str> {
    p.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str())
}

#[tokio::test]
async fn list_fetches_every_page_with_page_size_50() {
    // Arrange
    let (base, script) = start().await;
    let c = client(&base, RetryPolicy::immediate(1));
    // Act
    let gws = c.list_vpn_gateways("cn-hangzhou", &[]).await.unwrap();
    // Assert
    assert_eq!(gws.len(), 120);
    assert_eq!(gws[119].vpn_gateway_id.as_deref(), Some("vpn-119"));
    assert_eq!(gws[0].create_time, Some(1492753580000));
    let seen = &script.lock().unwrap().seen;
    let pages: Vec<_> = seen
        .iter()
        .map(|(_, p)| param(p, "PageNumber").unwrap().to_owned())
        .collect();
    assert_eq!(pages, ["1", "2", "3"]);
    assert!(seen.iter().all(|(_, p)| param(p, "PageSize") == Some("50")));
    assert!(seen
        .iter()
        .all(|(_, p)| param(p, "RegionId") == Some("cn-hangzhou")));
}

#[tokio::test]
async fn throttling_is_retried_with_exponential_backoff() {
    // Arrange
    let (base, script) = start().await;
    script
        .lock()
        .unwrap()
        .throttle
        .insert("DescribeVpnGateways".into(), 2);
    let (policy, sleeps) = recording_policy(4);
    let c = client(&base, policy);
    // Act
    let gws = c.list_vpn_gateways("cn-hangzhou", &[]).await.unwrap();
    // Assert
    assert_eq!(gws.len(), 120);
    assert_eq!(
        script.lock().unwrap().seen.len(),
        5,
        "2 throttled + 3 pages"
    );
    let ms: Vec<u128> = sleeps
        .lock()
        .unwrap()
        .iter()
        .map(|d| d.as_millis())
        .collect();
    assert_eq!(ms, vec![100, 200]);
}

#[tokio::test]
async fn throttling_gives_up_after_the_attempt_cap() {
    let (base, script) = start().await;
    script
        .lock()
        .unwrap()
        .throttle
        .insert("DescribeVpnGateways".into(), 99);
    let (policy, sleeps) = recording_policy(3);
    let err = client(&base, policy)
        .list_vpn_gateways("cn-hangzhou", &[])
        .await
        .unwrap_err();
    let api = err.api().expect("api error");
    assert_eq!(
        (api.status, api.code.as_str(), api.kind),
        (400, "Throttling.User", ErrorKind::Throttled)
    );
    assert_eq!(api.request_id.as_deref(), Some("REQ-ERR"));
    assert_eq!(script.lock().unwrap().seen.len(), 3);
    assert_eq!(sleeps.lock().unwrap().len(), 2);
}

#[tokio::test]
async fn not_found_is_classified_and_not_retried() {
    let (base, script) = start().await;
    let err = client(&base, RetryPolicy::immediate(4))
        .describe_vpn_gateway("cn-hangzhou", "vpn-nope")
        .await
        .unwrap_err();
    assert_eq!(err.api().unwrap().kind, ErrorKind::NotFound);
    assert_eq!(err.code(), "InvalidVpnGatewayInstanceId.NotFound");
    assert_eq!(script.lock().unwrap().seen.len(), 1);
}

#[tokio::test]
async fn transient_server_errors_are_retried_up_to_the_cap() {
    let (base, script) = start().await;
    let err = client(&base, RetryPolicy::immediate(3))
        .list_vpcs("cn-beijing", &[])
        .await
        .unwrap_err();
    let api = err.api().unwrap();
    assert_eq!((api.status, api.kind), (503, ErrorKind::Transient));
    assert_eq!(script.lock().unwrap().seen.len(), 3);
}

#[tokio::test]
async fn signature_mismatch_is_auth_and_leaks_no_secret() {
    // Arrange: wrong secret, with an STS token the server echoes inside its StringToSign.
    let (base, _script) = start().await;
    let token = "STS/tok+en secret";
    let creds = Credentials::new(AKID, "wrong-secret").with_security_token(token);
    let c = Client::new(config(&base, creds, RetryPolicy::immediate(3))).unwrap();
    // Act
    let err = c.list_vpn_gateways("cn-hangzhou", &[]).await.unwrap_err();
    // Assert
    let api = err.api().unwrap();
    assert_eq!(
        (api.code.as_str(), api.kind),
        ("SignatureDoesNotMatch", ErrorKind::Auth)
    );
    assert!(api.message.contains("server string to sign is:GET&%2F&"));
    let shown = format!("{err} {err:?}");
    for leaked in [
        "wrong-secret",
        token,
        "STS%2Ftok%2Ben%20secret",
        "STS%252Ftok%252Ben%2520secret",
    ] {
        assert!(!shown.contains(leaked), "error leaks {leaked:?}: {shown}");
    }
    assert!(!format!("{c:?}").contains("wrong-secret"));
}

#[tokio::test]
async fn unknown_access_key_is_auth() {
    let (base, _) = start().await;
    let c = Client::new(config(
        &base,
        Credentials::new("other", SECRET),
        RetryPolicy::immediate(2),
    ))
    .unwrap();
    let err = c.list_vpcs("cn-beijing", &[]).await.unwrap_err();
    assert_eq!(err.api().unwrap().kind, ErrorKind::Auth);
}

#[tokio::test]
async fn throttled_write_is_retried_with_the_same_client_token() {
    let (base, script) = start().await;
    script
        .lock()
        .unwrap()
        .throttle
        .insert("PublishVpnRouteEntry".into(), 1);
    let req = PublishVpnRouteEntry {
        region_id: "cn-hangzhou".into(),
        vpn_gateway_id: "vpn-1".into(),
        route_dest: "10.0.0.0/24".into(),
        next_hop: "vco-1".into(),
        route_type: VpnRouteType::Pbr,
        publish_vpc: true,
    };
    let r = client(&base, RetryPolicy::immediate(3))
        .publish_vpn_route_entry(&req, None)
        .await
        .unwrap();
    assert_eq!(r.request_id.as_deref(), Some("W1"));
    let seen = &script.lock().unwrap().seen;
    assert_eq!(seen.len(), 2);
    let tokens: Vec<_> = seen
        .iter()
        .map(|(_, p)| param(p, "ClientToken").unwrap())
        .collect();
    assert_eq!(tokens[0], tokens[1], "retry must reuse the ClientToken");
    assert_ne!(
        param(&seen[0].1, "SignatureNonce"),
        param(&seen[1].1, "SignatureNonce")
    );
    assert_eq!(param(&seen[0].1, "RouteType"), Some("pbr"));
}

#[tokio::test]
async fn rejected_write_and_tokenless_raw_write_are_not_retried() {
    let (base, script) = start().await;
    let c = client(&base, RetryPolicy::immediate(4));
    let req = ModifyVpnRouteWeight {
        region_id: "cn-hangzhou".into(),
        vpn_gateway_id: "vpn-1".into(),
        route_source: None,
        route_dest: "10.0.0.0/24".into(),
        next_hop: "vco-1".into(),
        weight: 0,
        new_weight: 100,
        overlay_mode: None,
    };
    let err = c
        .modify_vpn_route_weight(&req, Some("tok-1"))
        .await
        .unwrap_err();
    assert_eq!(err.api().unwrap().kind, ErrorKind::InvalidParameter);
    // A raw write without ClientToken hitting a 500 is not repeated either.
    let err = c
        .call(
            "CreateVpnGateway",
            &[("RegionId".into(), "cn-hangzhou".into())],
        )
        .await
        .unwrap_err();
    assert_eq!(err.api().unwrap().kind, ErrorKind::Transient);
    assert_eq!(script.lock().unwrap().seen.len(), 2);
}

#[tokio::test]
async fn tags_follow_next_token_until_empty() {
    let (base, script) = start().await;
    let tags = client(&base, RetryPolicy::immediate(1))
        .list_tag_resources("cn-hangzhou", "VpnGateway", &["vpn-a", "vpn-b"])
        .await
        .unwrap();
    let values: Vec<_> = tags.iter().map(|t| t.tag_value.clone().unwrap()).collect();
    assert_eq!(values, ["a", "b", "c"]);
    let seen = &script.lock().unwrap().seen;
    assert_eq!(param(&seen[0].1, "ResourceId.2"), Some("vpn-b"));
    assert_eq!(param(&seen[2].1, "NextToken"), Some("t2"));
    assert!(seen
        .iter()
        .all(|(_, p)| param(p, "MaxResults") == Some("50")));
}

#[tokio::test]
async fn run_call_returns_redacted_json_and_typed_read_keeps_secret_out_of_debug() {
    // Arrange
    let (base, _) = start().await;
    let cfg = ClientConfig::new(Credentials::new(AKID, SECRET));
    let args = vec!["VpnConnectionId=vco-1".to_owned()];
    // Act
    let v = run_call(
        cfg,
        "DescribeVpnConnection",
        &args,
        Some("cn-hangzhou"),
        Some(&base),
    )
    .await
    .unwrap();
    // Assert
    let text = v.to_string();
    assert!(
        !text.contains("psk-secret-1") && !text.contains("bgp-md5-key"),
        "{text}"
    );
    assert!(text.contains("ikev2"));
    let conn = client(&base, RetryPolicy::immediate(1))
        .describe_vpn_connection("cn-hangzhou", "vco-1")
        .await
        .unwrap();
    let ike = conn.ike_config.as_ref().unwrap();
    assert_eq!(ike.psk.as_ref().unwrap().expose(), "psk-secret-1");
    assert_eq!(conn.vpn_bgp_config.as_ref().unwrap().local_asn, Some(65001));
    assert!(!format!("{conn:?}").contains("psk-secret-1"));
    assert!(!format!("{conn:?}").contains("bgp-md5-key"));
}

#[tokio::test]
async fn timeout_and_undecodable_body_are_transport_errors() {
    let (base, script) = start().await;
    let cfg = ClientConfig {
        timeout: Duration::from_millis(200),
        ..config(
            &base,
            Credentials::new(AKID, SECRET),
            RetryPolicy::immediate(2),
        )
    };
    let c = Client::new(cfg).unwrap();
    let err = c.call("DescribeSlow", &[]).await.unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert_eq!(
        script.lock().unwrap().seen.len(),
        2,
        "a read-like timeout is retried"
    );
    match c.call("Garbage", &[]).await.unwrap_err() {
        Error::Decode {
            body_snippet,
            status,
            ..
        } => {
            assert_eq!(status, 200);
            assert!(body_snippet.starts_with("<html>"));
            assert!(body_snippet.chars().count() <= aliyun::error::SNIPPET_LEN + 1);
        }
        other => panic!("expected decode error, got {other:?}"),
    }
}

#[tokio::test]
async fn insecure_endpoints_and_bad_cli_input_are_rejected() {
    let creds = Credentials::new(AKID, SECRET);
    let insecure = ClientConfig {
        endpoint: Some("http://vpc.example.com".into()),
        ..ClientConfig::new(creds.clone())
    };
    let err = Client::new(insecure).unwrap_err();
    assert_eq!(err.code(), "ConfigError");
    let allowed = ClientConfig {
        endpoint: Some("http://vpc.example.com".into()),
        allow_insecure_http: true,
        ..ClientConfig::new(creds.clone())
    };
    assert!(Client::new(allowed).is_ok());
    let err = run_call(ClientConfig::new(creds), "Describe Vpcs", &[], None, None)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "ConfigError");
}
