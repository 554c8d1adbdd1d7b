//! The cloud-side faults of the matrix: how each is injected and removed, and what it must
//! leave on record.

use super::harness::Stage;
use emulator::faults::{Cloud, FaultKind, FaultRule, FaultSet};
use secrecy::SecretString;
use store::model::AccountUpdate;

pub enum Inject {
    /// An emulator fault rule, active until removed.
    Rule(Cloud, Option<&'static str>, FaultKind),
    /// The stored secret of the account of this cloud replaced by a wrong one.
    WrongSecret(&'static str),
    /// The cloud's clock this many seconds ahead of ours.
    Skew(i64),
}

pub struct Case {
    pub name: &'static str,
    pub inject: Inject,
    /// (cloud, code) failures that must be on record and in the overview.
    pub expect: &'static [(&'static str, &'static str)],
    /// Words the shown error must contain besides the code.
    pub shown: &'static str,
}

fn rule(cloud: Cloud, api: Option<&str>, kind: FaultKind) -> FaultSet {
    FaultSet {
        rules: vec![FaultRule {
            cloud: Some(cloud),
            api: api.map(str::to_string),
            kind,
            rate: 1.0,
            remaining: None,
            ..FaultRule::default()
        }],
    }
}

async fn set_secret(stage: &Stage, cloud: &str, secret: Option<&str>) {
    let accounts = store::accounts::list_accounts(&stage.pool).await.unwrap();
    let account = accounts.iter().find(|a| a.cloud.as_str() == cloud).unwrap();
    let c = &stage.emu.credentials[0];
    let (ak, right) = match cloud {
        "aliyun" => (&c.aliyun_access_key_id, &c.aliyun_access_key_secret),
        _ => (&c.huawei_ak, &c.huawei_sk),
    };
    let secret = secret.unwrap_or(right).to_string();
    let update = AccountUpdate {
        key: Some((ak.clone(), SecretString::from(secret))),
        ..AccountUpdate::default()
    };
    store::accounts::update_account(&stage.pool, &stage.keys, account.id, update)
        .await
        .unwrap();
}

pub async fn inject(stage: &Stage, what: &Inject) {
    match what {
        Inject::Rule(cloud, api, kind) => stage.emu.set_faults(rule(*cloud, *api, *kind)),
        Inject::WrongSecret(cloud) => set_secret(stage, cloud, Some("not-the-secret-0000")).await,
        Inject::Skew(secs) => stage.emu.state().set_wall_skew(*secs),
    }
}

pub async fn remove(stage: &Stage, what: &Inject) {
    match what {
        Inject::Rule(..) => stage.emu.set_faults(FaultSet::default()),
        Inject::WrongSecret(cloud) => set_secret(stage, cloud, None).await,
        Inject::Skew(_) => stage.emu.state().set_wall_skew(0),
    }
}

pub fn cases() -> Vec<Case> {
    use Cloud::{Aliyun, Huawei};
    use FaultKind::{
        InternalError, ListAsObject, Malformed, Oversized, Throttle, Timeout, Truncated,
        Unavailable,
    };
    let conn = Some("DescribeVpnConnections");
    let hw_conn = Some("vpn-connection");
    vec![
        Case {
            name: "5xx: HTTP 500 outage (Alibaba)",
            inject: Inject::Rule(Aliyun, conn, InternalError),
            expect: &[("aliyun", "InternalError")],
            shown: "HTTP 500",
        },
        Case {
            name: "5xx: HTTP 503 outage (Alibaba)",
            inject: Inject::Rule(Aliyun, conn, Unavailable),
            expect: &[("aliyun", "ServiceUnavailable")],
            shown: "HTTP 503",
        },
        Case {
            name: "5xx: HTTP 500 outage (Huawei)",
            inject: Inject::Rule(Huawei, hw_conn, InternalError),
            expect: &[("huawei", "VPN.0002")],
            shown: "500",
        },
        Case {
            name: "timeout: answers hang 300 ms then 503 (Alibaba)",
            inject: Inject::Rule(Aliyun, conn, Timeout),
            expect: &[("aliyun", "ServiceUnavailable")],
            shown: "HTTP 503",
        },
        Case {
            name: "timeout: answers hang 300 ms then 504 (Huawei)",
            inject: Inject::Rule(Huawei, hw_conn, Timeout),
            expect: &[("huawei", "APIGW.0203")],
            shown: "504",
        },
        Case {
            name: "throttling storm: every Alibaba API throttled",
            inject: Inject::Rule(Aliyun, None, Throttle),
            expect: &[("aliyun", "Throttling.User")],
            shown: "Throttling.User",
        },
        Case {
            name: "throttling storm: every Huawei API throttled (429)",
            inject: Inject::Rule(Huawei, None, Throttle),
            expect: &[("huawei", "APIGW.0308")],
            shown: "429",
        },
        Case {
            name: "truncated body (Alibaba)",
            inject: Inject::Rule(Aliyun, conn, Truncated),
            expect: &[("aliyun", "DecodeError")],
            shown: "cannot decode",
        },
        Case {
            name: "truncated body (Huawei)",
            inject: Inject::Rule(Huawei, hw_conn, Truncated),
            expect: &[("huawei", "DecodeError")],
            shown: "could not decode",
        },
        Case {
            name: "malformed body: HTML instead of JSON (Alibaba)",
            inject: Inject::Rule(Aliyun, conn, Malformed),
            expect: &[("aliyun", "DecodeError")],
            shown: "<html>",
        },
        Case {
            name: "oversized body: 64 MiB, chunked (Alibaba)",
            inject: Inject::Rule(Aliyun, conn, Oversized),
            expect: &[("aliyun", "ResponseTooLarge")],
            shown: "larger than 16777216 bytes",
        },
        Case {
            name: "oversized body: 64 MiB, chunked (Huawei)",
            inject: Inject::Rule(Huawei, hw_conn, Oversized),
            expect: &[("huawei", "ResponseTooLarge")],
            shown: "larger than 16777216 bytes",
        },
        Case {
            name: "list of several sent as one object (Alibaba)",
            inject: Inject::Rule(Aliyun, conn, ListAsObject),
            expect: &[("aliyun", "DecodeError")],
            shown: "TotalCount",
        },
        Case {
            name: "wrong AccessKey secret (Alibaba)",
            inject: Inject::WrongSecret("aliyun"),
            expect: &[("aliyun", "SignatureDoesNotMatch")],
            shown: "signature",
        },
        Case {
            name: "wrong SK (Huawei)",
            inject: Inject::WrongSecret("huawei"),
            expect: &[("huawei", "APIGW.0301")],
            shown: "401",
        },
        Case {
            name: "clock skew: cloud 16 min ahead (both clouds)",
            inject: Inject::Skew(16 * 60),
            expect: &[
                ("aliyun", "InvalidTimeStamp.Expired"),
                ("huawei", "APIGW.0301"),
            ],
            shown: "clock",
        },
    ]
}
