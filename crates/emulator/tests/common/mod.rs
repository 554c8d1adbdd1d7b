//! Shared helpers: start an emulator on 127.0.0.1:0 and build the gatewatch clients for it.
#![allow(dead_code)]

use std::time::Duration;

use emulator::{spawn, EmulatorConfig, EmulatorHandle, EstateSize};

pub async fn start(config: EmulatorConfig) -> EmulatorHandle {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    spawn(config, listener).await
}

pub fn config(seed: u64, size: EstateSize) -> EmulatorConfig {
    EmulatorConfig {
        manual_clock: true,
        ..EmulatorConfig::new(seed, size)
    }
}

pub fn aliyun_client(emu: &EmulatorHandle, account: usize, retry: bool) -> aliyun::Client {
    let c = &emu.credentials[account];
    let mut cfg = aliyun::ClientConfig::new(aliyun::Credentials::new(
        c.aliyun_access_key_id.clone(),
        c.aliyun_access_key_secret.clone(),
    ));
    cfg.endpoint = Some(emu.aliyun_endpoint.clone());
    cfg.timeout = Duration::from_secs(5);
    cfg.retry = if retry {
        aliyun::RetryPolicy::immediate(3)
    } else {
        aliyun::RetryPolicy::none()
    };
    aliyun::Client::new(cfg).unwrap()
}

pub fn huawei_config(emu: &EmulatorHandle, account: usize, region: &str) -> huawei::ClientConfig {
    let c = &emu.credentials[account];
    let creds = huawei::Credentials::new(
        c.huawei_ak.clone(),
        huawei::SecretString::from(c.huawei_sk.clone()),
    );
    let mut cfg = huawei::ClientConfig::new(region, creds)
        .unwrap()
        .with_endpoint_override(&emu.huawei_endpoint, false)
        .unwrap();
    cfg.timeout = Duration::from_secs(5);
    cfg.retry = huawei::RetryPolicy::none();
    cfg
}

pub fn huawei_client(emu: &EmulatorHandle, account: usize, region: &str) -> huawei::Client {
    huawei::Client::new(huawei_config(emu, account, region)).unwrap()
}

/// Signs `params` as the client would (GET) and returns the raw (status, body).
pub async fn raw_aliyun(
    emu: &EmulatorHandle,
    pairs: &[(String, String)],
) -> (u16, serde_json::Value) {
    let q = aliyun::encode::encode_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let resp = reqwest::get(format!("{}?{q}", emu.aliyun_endpoint))
        .await
        .unwrap();
    let status = resp.status().as_u16();
    let text = resp.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text)),
    )
}

/// Signed parameters for `action` with the account's key at `at` and `nonce`.
pub fn signed(
    emu: &EmulatorHandle,
    account: usize,
    action: &str,
    ops: &[(&str, &str)],
    at: chrono::DateTime<chrono::Utc>,
    nonce: &str,
) -> Vec<(String, String)> {
    let c = &emu.credentials[account];
    let creds = aliyun::Credentials::new(
        c.aliyun_access_key_id.clone(),
        c.aliyun_access_key_secret.clone(),
    );
    let ops: Vec<(String, String)> = ops
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    aliyun::sign::signed_params(aliyun::HttpMethod::Get, action, &ops, &creds, at, nonce)
}

/// Replaces (or adds) `key=value` in signed params and signs again (for parameters the
/// client's signer fixes, such as `Format`).
pub fn resign(
    emu: &EmulatorHandle,
    account: usize,
    mut p: Vec<(String, String)>,
    key: &str,
    value: &str,
) -> Vec<(String, String)> {
    p.retain(|(k, _)| k != "Signature" && k != key);
    p.push((key.to_owned(), value.to_owned()));
    let secret =
        huawei::SecretString::from(emu.credentials[account].aliyun_access_key_secret.clone());
    let sts = aliyun::sign::string_to_sign(aliyun::HttpMethod::Get, p.iter().map(|(k, v)| (k, v)));
    let sig = aliyun::sign::signature(&secret, &sts);
    p.push(("Signature".to_owned(), sig));
    p
}
