//! Fault injection, set through the admin endpoint, reaches the clients as the right error
//! class.

mod common;

use std::time::{Duration, Instant};

use emulator::faults::{Cloud, FaultKind, FaultRule, FaultSet};
use emulator::EstateSize;

async fn set(emu: &emulator::EmulatorHandle, rules: serde_json::Value) {
    let r = reqwest::Client::new()
        .post(format!("{}/faults", emu.admin_url))
        .json(&serde_json::json!({ "rules": rules }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
}

#[tokio::test]
async fn aliyun_fault_kinds_map_to_client_error_classes() {
    let emu = common::start(common::config(8, EstateSize::toy())).await;
    let mut cfg = aliyun::ClientConfig::new(aliyun::Credentials::new(
        emu.credentials[0].aliyun_access_key_id.clone(),
        emu.credentials[0].aliyun_access_key_secret.clone(),
    ));
    cfg.endpoint = Some(emu.aliyun_endpoint.clone());
    cfg.retry = aliyun::RetryPolicy::none();
    cfg.timeout = Duration::from_millis(400);
    let cl = aliyun::Client::new(cfg).unwrap();
    let region = emu.credentials[0].aliyun_regions[0].clone();
    let cases: &[(&str, &str)] = &[
        ("unavailable", "ServiceUnavailable"),
        ("internal_error", "InternalError"),
        ("throttle", "Throttling.User"),
        ("truncated", "DecodeError"),
        ("malformed", "DecodeError"),
        ("reset", "TransportError"),
        ("timeout", "Timeout"),
    ];
    for (kind, code) in cases {
        set(
            &emu,
            serde_json::json!([{"cloud": "aliyun", "api": "DescribeVpcs", "kind": kind}]),
        )
        .await;
        let err = cl.list_vpcs(&region, &[]).await.unwrap_err();
        assert_eq!(err.code(), *code, "{kind}: {err}");
        // Other APIs are unaffected.
        cl.list_vswitches(&region, &[]).await.unwrap();
    }
    let unavailable = {
        set(&emu, serde_json::json!([{"kind": "unavailable"}])).await;
        cl.list_vpcs(&region, &[]).await.unwrap_err()
    };
    assert!(unavailable.is_retryable());
    // A list of two returned as a single object parses (one-or-many, alibaba.md §5.1), but
    // holds fewer items than TotalCount: the client refuses it instead of losing a VPC.
    set(&emu, serde_json::json!([{"kind": "list_as_object"}])).await;
    let err = cl.list_vpcs(&region, &[]).await.unwrap_err();
    assert_eq!(err.code(), "DecodeError", "{err}");
    assert!(err.to_string().contains("TotalCount"), "{err}");
    // Latency only.
    set(&emu, serde_json::json!([{"latency_ms": 150}])).await;
    let t = Instant::now();
    cl.list_vpcs(&region, &[]).await.unwrap();
    assert!(t.elapsed() >= Duration::from_millis(150));
    let r = reqwest::Client::new()
        .delete(format!("{}/faults", emu.admin_url))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(cl.list_vpcs(&region, &[]).await.unwrap().len(), 2);
    emu.shutdown().await;
}

#[tokio::test]
async fn retrying_client_recovers_from_a_burst_and_per_account_rules() {
    let emu = common::start(common::config(8, EstateSize::demo())).await;
    // Two 503s for account 0 only; the client's retry policy gets through.
    emu.set_faults(FaultSet {
        rules: vec![FaultRule {
            cloud: Some(Cloud::Aliyun),
            account: Some(emu.credentials[0].aliyun_access_key_id.clone()),
            kind: FaultKind::Unavailable,
            remaining: Some(2),
            ..FaultRule::default()
        }],
    });
    let region = emu.credentials[0].aliyun_regions[0].clone();
    let other = common::aliyun_client(&emu, 1, false);
    other
        .list_vpcs(&emu.credentials[1].aliyun_regions[0], &[])
        .await
        .unwrap();
    let cl = common::aliyun_client(&emu, 0, true);
    assert_eq!(cl.list_vpcs(&region, &[]).await.unwrap().len(), 2);
    emu.shutdown().await;
}

#[tokio::test]
async fn huawei_faults_and_admin_state() {
    let emu = common::start(common::config(8, EstateSize::toy())).await;
    let (region, project) = emu.credentials[0].huawei_projects[0].clone();
    let mut hc = common::huawei_config(&emu, 0, &region);
    hc.project_id = Some(project);
    let cl = huawei::Client::new(hc).unwrap();
    set(
        &emu,
        serde_json::json!([{"cloud": "huawei", "api": "vpn-gateways", "kind": "unavailable"}]),
    )
    .await;
    match cl.list_vpn_gateways(&[]).await {
        Err(huawei::Error::Api(a)) => {
            assert_eq!((a.status, a.kind), (503, huawei::ErrorKind::Transient))
        }
        other => panic!("{other:?}"),
    }
    set(
        &emu,
        serde_json::json!([{"cloud": "huawei", "kind": "truncated"}]),
    )
    .await;
    assert!(matches!(
        cl.list_vpn_gateways(&[]).await,
        Err(huawei::Error::Decode { .. })
    ));
    set(
        &emu,
        serde_json::json!([{"cloud": "huawei", "kind": "throttle"}]),
    )
    .await;
    match cl.show_quotas().await {
        Err(huawei::Error::Api(a)) => assert_eq!((a.status, a.code.as_str()), (429, "APIGW.0308")),
        other => panic!("{other:?}"),
    }
    set(&emu, serde_json::json!([])).await;
    cl.list_vpn_gateways(&[]).await.unwrap();
    // Admin: clock advance and state.
    let http = reqwest::Client::new();
    let before = emu.clock().now();
    let r = http
        .post(format!("{}/clock/advance", emu.admin_url))
        .json(&serde_json::json!({"seconds": 3600}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!((emu.clock().now() - before).num_seconds(), 3600);
    let state: serde_json::Value = http
        .get(format!("{}/state", emu.admin_url))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(state["seed"], 8);
    assert_eq!(state["connections"]["huawei"], 3);
    assert!(state["mistakes"].as_array().unwrap().len() >= 5);
    let bad = http
        .post(format!("{}/faults", emu.admin_url))
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status().as_u16(), 400);
    emu.shutdown().await;
}
