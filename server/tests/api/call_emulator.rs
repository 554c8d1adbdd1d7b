//! `gatewatch call` against the built-in emulator over loopback HTTP: the demo estate comes
//! back as JSON with secrets blanked; a wrong secret is refused with the cloud's own code.

use emulator::{EmulatorConfig, EstateSize};
use std::process::{Command, Output};

async fn emulator() -> emulator::EmulatorHandle {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    emulator::spawn(EmulatorConfig::new(7, EstateSize::toy()), listener).await
}

/// Runs the binary off the async runtime (the emulator answers on this runtime).
async fn gatewatch(args: Vec<String>, env: Vec<(&'static str, String)>) -> Output {
    tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_gatewatch"))
            .args(args)
            .envs(env)
            .output()
            .unwrap()
    })
    .await
    .unwrap()
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn aliyun_calls_list_the_demo_estate_and_redact_psks() {
    let emu = emulator().await;
    let account = &emu.credentials[0];
    let region = account.aliyun_regions[0].clone();
    let env = vec![
        (
            "ALIBABA_CLOUD_ACCESS_KEY_ID",
            account.aliyun_access_key_id.clone(),
        ),
        (
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
            account.aliyun_access_key_secret.clone(),
        ),
    ];
    let out = gatewatch(
        args(&[
            "call",
            "aliyun",
            "DescribeVpnConnections",
            "PageSize=50",
            "--region",
            &region,
            "--endpoint",
            &emu.aliyun_endpoint,
        ]),
        env.clone(),
    )
    .await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let count = json["TotalCount"].as_u64().unwrap();
    assert!(
        count >= 3,
        "the toy estate has 3 connections per gateway: {json}"
    );
    let mut psks = Vec::new();
    collect(&json, "Psk", &mut psks);
    assert!(
        !psks.is_empty(),
        "the connections carry IKE configs: {json}"
    );
    assert!(
        psks.iter().all(|p| p == aliyun::redact::REDACTED),
        "PSKs shown: {psks:?}"
    );
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wrong_secret_is_refused_with_the_clouds_code() {
    let emu = emulator().await;
    let account = &emu.credentials[0];
    let region = account.aliyun_regions[0].clone();
    let out = gatewatch(
        args(&[
            "call",
            "aliyun",
            "DescribeVpnGateways",
            "--region",
            &region,
            "--endpoint",
            &emu.aliyun_endpoint,
        ]),
        vec![
            (
                "ALIBABA_CLOUD_ACCESS_KEY_ID",
                account.aliyun_access_key_id.clone(),
            ),
            (
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                "not-the-secret".to_string(),
            ),
        ],
    )
    .await;
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("SignatureDoesNotMatch"), "{stderr}");
    assert!(!stderr.contains("not-the-secret"), "{stderr}");
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn huawei_calls_discover_the_project_and_list_gateways() {
    let emu = emulator().await;
    let account = &emu.credentials[0];
    let (region, _) = account.huawei_projects[0].clone();
    let out = gatewatch(
        args(&[
            "call",
            "huawei",
            "GET",
            "/v5/{project_id}/vpn-gateways",
            "--region",
            &region,
            "--endpoint",
            &emu.huawei_endpoint,
        ]),
        vec![
            ("HUAWEICLOUD_SDK_AK", account.huawei_ak.clone()),
            ("HUAWEICLOUD_SDK_SK", account.huawei_sk.clone()),
        ],
    )
    .await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        !json["vpn_gateways"].as_array().unwrap().is_empty(),
        "{json}"
    );
    emu.shutdown().await;
}

/// Every string value under `key`, at any depth (nested configs may arrive as JSON strings).
fn collect(v: &serde_json::Value, key: &str, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, child) in map {
                match child {
                    serde_json::Value::String(s) if k == key => out.push(s.clone()),
                    _ => collect(child, key, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| collect(i, key, out)),
        _ => {}
    }
}
