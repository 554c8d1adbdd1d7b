//! "Test connection": one real signed read with an account's credentials (stored or about to
//! be stored), reporting the latency or the cloud's error code and message. Alibaba:
//! `DescribeRegions` (needs no resource, any valid key may call it); Huawei: the VPN gateways
//! of the account's first region (which also resolves its IAM project).
//!
//! No retries and a short timeout: an admin is waiting, and a wrong key fails the same way
//! every time. The clients scrub secrets from their errors, so the report can be shown as is.

use crate::clients;
use crate::fetch::FetchError;
use std::time::{Duration, Instant};
use store::model::{Cloud, Credentials};

/// How long the probe waits for the cloud.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// The outcome of one probe.
#[derive(Debug, Clone, PartialEq)]
pub struct ProbeReport {
    /// The region the call went to (`None`: Alibaba's central endpoint).
    pub region: Option<String>,
    /// The API called.
    pub api: &'static str,
    /// Time until the answer (or the failure).
    pub latency: Duration,
    /// `Err`: the cloud's error code (`SignatureDoesNotMatch`, `APIGW.0301`, …) and message.
    pub result: Result<(), FetchError>,
}

/// Calls the cloud once with `creds`; `regions` are the account's regions (the first is used).
pub async fn probe(creds: &Credentials, regions: &[String]) -> ProbeReport {
    let region = regions.first().cloned();
    let started = Instant::now();
    let (api, result) = match creds.cloud {
        Cloud::Aliyun => ("DescribeRegions", aliyun(creds, region.as_deref()).await),
        Cloud::Huawei => ("GET /vpn-gateways", huawei(creds, region.as_deref()).await),
    };
    let report = ProbeReport {
        region,
        api,
        latency: started.elapsed(),
        result,
    };
    match &report.result {
        Ok(()) => {
            tracing::info!(account = %creds.account_id, api, ms = report.latency.as_millis() as u64, "connection test passed")
        }
        Err(e) => {
            tracing::info!(account = %creds.account_id, api, code = %e.code, "connection test failed")
        }
    }
    report
}

async fn aliyun(creds: &Credentials, region: Option<&str>) -> Result<(), FetchError> {
    // Without a region the account-wide (`*`) endpoint override, else the central endpoint.
    let mut config = clients::aliyun_config(creds, region.unwrap_or("*"));
    config.retry = aliyun::RetryPolicy::none();
    config.timeout = TIMEOUT;
    let client = aliyun::Client::new(config)?;
    client.describe_regions(None).await?;
    Ok(())
}

async fn huawei(creds: &Credentials, region: Option<&str>) -> Result<(), FetchError> {
    let Some(region) = region else {
        return Err(FetchError {
            code: "NoRegion".into(),
            message: "a Huawei Cloud account is tested in one of its regions: add a region".into(),
        });
    };
    let mut config = clients::huawei_config(creds, region)?;
    config.retry = huawei::RetryPolicy::none();
    config.timeout = TIMEOUT;
    let client = huawei::Client::new(config)?;
    client.list_vpn_gateways(&[]).await?;
    Ok(())
}
