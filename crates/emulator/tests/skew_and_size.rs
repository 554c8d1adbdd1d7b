//! Two faults of the fault matrix at the wire: the emulator's wall clock moved through the
//! admin endpoint (both clouds refuse with their skew answer, then accept again), and an
//! oversized body, which both clients refuse at their limit whether it is announced by a
//! Content-Length or only counted while streaming.

mod common;

use emulator::EstateSize;

async fn post(emu: &emulator::EmulatorHandle, path: &str, body: serde_json::Value) -> u16 {
    reqwest::Client::new()
        .post(format!("{}{path}", emu.admin_url))
        .json(&body)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn a_skewed_cloud_clock_is_refused_with_each_clouds_answer_and_heals() {
    let emu = common::start(common::config(31, EstateSize::toy())).await;
    let region = emu.credentials[0].aliyun_regions[0].clone();
    let (hw_region, _) = emu.credentials[0].huawei_projects[0].clone();
    let ali = common::aliyun_client(&emu, 0, false);
    let hw = common::huawei_client(&emu, 0, &hw_region);
    hw.project_id().await.unwrap();

    assert_eq!(
        post(&emu, "/wall-skew", serde_json::json!({"seconds": 960})).await,
        200
    );
    let err = ali.list_vpcs(&region, &[]).await.unwrap_err();
    assert_eq!(err.code(), "InvalidTimeStamp.Expired", "{err}");
    let err = hw.list_vpn_gateways(&[]).await.unwrap_err();
    assert_eq!(err.code(), "APIGW.0301", "{err}");
    assert!(err.to_string().contains("X-Sdk-Date"), "{err}");
    // Inside the 15 minutes both accept; out-of-range values are refused by name.
    assert_eq!(
        post(&emu, "/wall-skew", serde_json::json!({"seconds": -840})).await,
        200
    );
    ali.list_vpcs(&region, &[]).await.unwrap();
    hw.list_vpn_gateways(&[]).await.unwrap();
    assert_eq!(
        post(&emu, "/wall-skew", serde_json::json!({"seconds": i64::MAX})).await,
        400
    );
    assert_eq!(
        post(&emu, "/wall-skew", serde_json::json!({"seconds": 0})).await,
        200
    );
    emu.shutdown().await;
}

#[tokio::test]
async fn oversized_bodies_are_refused_at_the_clients_limit() {
    let emu = common::start(common::config(32, EstateSize::toy())).await;
    let region = emu.credentials[0].aliyun_regions[0].clone();
    let (hw_region, _) = emu.credentials[0].huawei_projects[0].clone();
    // An ordinary answer over a tiny limit: refused from its Content-Length.
    let c = &emu.credentials[0];
    let mut cfg = aliyun::ClientConfig::new(aliyun::Credentials::new(
        c.aliyun_access_key_id.clone(),
        c.aliyun_access_key_secret.clone(),
    ));
    cfg.endpoint = Some(emu.aliyun_endpoint.clone());
    cfg.retry = aliyun::RetryPolicy::none();
    cfg.max_response_bytes = 64;
    let tiny = aliyun::Client::new(cfg).unwrap();
    let err = tiny.list_vpcs(&region, &[]).await.unwrap_err();
    assert_eq!(err.code(), "ResponseTooLarge", "{err}");
    assert!(!err.is_retryable());

    // The streamed 64 MiB fault: refused at the default 16 MiB by both clients.
    let rules = serde_json::json!({"rules": [{"kind": "oversized", "api": "DescribeVpcs"},
        {"kind": "oversized", "api": "vpn-gateways"}]});
    assert_eq!(post(&emu, "/faults", rules).await, 200);
    let ali = common::aliyun_client(&emu, 0, false);
    let err = ali.list_vpcs(&region, &[]).await.unwrap_err();
    assert_eq!(err.code(), "ResponseTooLarge", "{err}");
    assert!(err.to_string().contains("16777216"), "{err}");
    let hw = common::huawei_client(&emu, 0, &hw_region);
    let err = hw.list_vpn_gateways(&[]).await.unwrap_err();
    assert_eq!(err.code(), "ResponseTooLarge", "{err}");
    // Other APIs are unaffected.
    ali.list_vswitches(&region, &[]).await.unwrap();
    emu.shutdown().await;
}
