//! Alibaba authentication as alibaba.md §1.9 orders it: every refusal carries the cloud's
//! code and HTTP status, and the client classifies it.

mod common;

use chrono::{Duration, Utc};
use emulator::EstateSize;

async fn emu() -> emulator::EmulatorHandle {
    common::start(common::config(11, EstateSize::toy())).await
}

fn region(e: &emulator::EmulatorHandle) -> String {
    e.credentials[0].aliyun_regions[0].clone()
}

#[tokio::test]
async fn one_changed_signature_byte_is_refused_with_server_string_to_sign() {
    let e = emu().await;
    let r = region(&e);
    let mut p = common::signed(&e, 0, "DescribeVpcs", &[("RegionId", &r)], Utc::now(), "n1");
    let sig = &mut p.iter_mut().find(|(k, _)| k == "Signature").unwrap().1;
    let first = sig.remove(0);
    sig.insert(0, if first == 'A' { 'B' } else { 'A' });
    let (status, body) = common::raw_aliyun(&e, &p).await;
    assert_eq!(status, 400);
    assert_eq!(body["Code"], "SignatureDoesNotMatch");
    let msg = body["Message"].as_str().unwrap();
    assert!(
        msg.contains("server string to sign is:GET&%2F&AccessKeyId"),
        "{msg}"
    );
    for k in ["RequestId", "HostId", "Recommend"] {
        assert!(body[k].is_string(), "{k} missing in {body}");
    }
    // The untouched request (fresh nonce) passes.
    let ok = common::signed(&e, 0, "DescribeVpcs", &[("RegionId", &r)], Utc::now(), "n2");
    assert_eq!(common::raw_aliyun(&e, &ok).await.0, 200);
}

#[tokio::test]
async fn wrong_access_key_is_not_found_and_classified_as_auth() {
    let e = emu().await;
    let mut cfg = aliyun::ClientConfig::new(aliyun::Credentials::new("LTAI5tNOSUCHKEY", "x"));
    cfg.endpoint = Some(e.aliyun_endpoint.clone());
    cfg.retry = aliyun::RetryPolicy::none();
    let err = aliyun::Client::new(cfg)
        .unwrap()
        .list_vpcs(&region(&e), &[])
        .await
        .unwrap_err();
    let api = err.api().unwrap();
    assert_eq!(
        (api.status, api.code.as_str()),
        (404, "InvalidAccessKeyId.NotFound")
    );
    // Right key id, wrong secret: signature mismatch.
    let mut cfg = aliyun::ClientConfig::new(aliyun::Credentials::new(
        e.credentials[0].aliyun_access_key_id.clone(),
        "wrong",
    ));
    cfg.endpoint = Some(e.aliyun_endpoint.clone());
    cfg.retry = aliyun::RetryPolicy::none();
    let err = aliyun::Client::new(cfg)
        .unwrap()
        .list_vpcs(&region(&e), &[])
        .await
        .unwrap_err();
    assert_eq!(err.code(), "SignatureDoesNotMatch");
    assert_eq!(err.api().unwrap().kind, aliyun::ErrorKind::Auth);
}

#[tokio::test]
async fn skewed_timestamp_reused_nonce_and_parameter_checks() {
    let e = emu().await;
    let r = region(&e);
    let old = common::signed(
        &e,
        0,
        "DescribeVpcs",
        &[("RegionId", &r)],
        Utc::now() - Duration::minutes(16),
        "n-old",
    );
    let (s, b) = common::raw_aliyun(&e, &old).await;
    assert_eq!(
        (s, b["Code"].as_str()),
        (400, Some("InvalidTimeStamp.Expired"))
    );
    let near = common::signed(
        &e,
        0,
        "DescribeVpcs",
        &[("RegionId", &r)],
        Utc::now() - Duration::minutes(14),
        "n-near",
    );
    assert_eq!(common::raw_aliyun(&e, &near).await.0, 200);

    let p = common::signed(
        &e,
        0,
        "DescribeVpcs",
        &[("RegionId", &r)],
        Utc::now(),
        "same-nonce",
    );
    assert_eq!(common::raw_aliyun(&e, &p).await.0, 200);
    let (s, b) = common::raw_aliyun(&e, &p).await;
    assert_eq!((s, b["Code"].as_str()), (400, Some("SignatureNonceUsed")));

    let p = common::signed(
        &e,
        0,
        "DescribeNoSuchThing",
        &[("RegionId", &r)],
        Utc::now(),
        "n-act",
    );
    let (s, b) = common::raw_aliyun(&e, &p).await;
    assert_eq!(
        (s, b["Code"].as_str()),
        (404, Some("InvalidAction.NotFound"))
    );

    let p = common::signed(
        &e,
        0,
        "DescribeVpcs",
        &[("RegionId", &r)],
        Utc::now(),
        "n-ver",
    );
    let p = common::resign(&e, 0, p, "Version", "2014-05-26");
    let (s, b) = common::raw_aliyun(&e, &p).await;
    assert_eq!((s, b["Code"].as_str()), (400, Some("InvalidVersion")));

    let mut p = common::signed(
        &e,
        0,
        "DescribeVpcs",
        &[("RegionId", &r)],
        Utc::now(),
        "n-miss",
    );
    p.retain(|(k, _)| k != "SignatureNonce");
    let (s, b) = common::raw_aliyun(&e, &p).await;
    assert_eq!((s, b["Code"].as_str()), (400, Some("MissingParameter")));
    assert!(b["Message"].as_str().unwrap().contains("SignatureNonce"));

    let p = common::signed(
        &e,
        0,
        "DescribeVpcs",
        &[("RegionId", "mars-north-1")],
        Utc::now(),
        "n-reg",
    );
    let (s, b) = common::raw_aliyun(&e, &p).await;
    assert_eq!(
        (s, b["Code"].as_str()),
        (404, Some("InvalidRegionId.NotFound"))
    );
}

#[tokio::test]
async fn hostile_input_gets_cloud_errors_not_panics() {
    let e = emu().await;
    let client = reqwest::Client::new();
    for q in [
        "%",
        "%%%=%",
        "Action",
        "Action=DescribeVpcs&&&=&Signature=%ZZ",
        "a=%F0%28%8C%BC",
    ] {
        let resp = client
            .get(format!("{}?{q}", e.aliyun_endpoint))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status().as_u16(), 400, "{q}");
        let body: serde_json::Value = resp.json().await.unwrap();
        assert_eq!(body["Code"], "MissingParameter");
    }
    let big = "A=".to_string() + &"x".repeat(100_000);
    let resp = client
        .post(&e.aliyun_endpoint)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(big)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 413);
    let resp = client
        .post(&e.aliyun_endpoint)
        .body(vec![0xff, 0xfe, 0x00])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 400);
    // Still serving.
    let r = region(&e);
    let ok = common::signed(
        &e,
        0,
        "DescribeVpcs",
        &[("RegionId", &r)],
        Utc::now(),
        "after",
    );
    assert_eq!(common::raw_aliyun(&e, &ok).await.0, 200);
}

#[tokio::test]
async fn form_post_signed_as_post_is_accepted_at_root() {
    // The official SDKs POST the same parameters as a form to path `/` (alibaba.md §1.1).
    let e = emu().await;
    let r = region(&e);
    let c = &e.credentials[0];
    let creds = aliyun::Credentials::new(
        c.aliyun_access_key_id.clone(),
        c.aliyun_access_key_secret.clone(),
    );
    let ops = vec![("RegionId".to_owned(), r.clone())];
    let p = aliyun::sign::signed_params(
        aliyun::HttpMethod::Post,
        "DescribeVpnGateways",
        &ops,
        &creds,
        Utc::now(),
        "post-1",
    );
    let form = aliyun::encode::encode_pairs(p.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let resp = reqwest::Client::new()
        .post(format!("{}/", e.base_url))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    let body: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(body["TotalCount"], 1);
}
