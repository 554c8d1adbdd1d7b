//! The `gatewatch` binary itself: `--help`, and bad input at start-up giving one clear line and
//! a non-zero exit code, with nothing started or deleted.

use crate::helpers::scratch_dir;
use std::process::{Command, Output};

fn gatewatch(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gatewatch"));
    cmd.args(args)
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "error");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("gatewatch runs")
}

fn fails_with(out: &Output, needle: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "expected a failure, got success; stderr: {stderr}"
    );
    let line = stderr
        .lines()
        .find(|l| l.starts_with("gatewatch: error:"))
        .unwrap_or_else(|| panic!("no error line in: {stderr}"));
    assert!(
        line.to_lowercase().contains(&needle.to_lowercase()),
        "{line:?} should mention {needle:?}"
    );
}

#[test]
fn help_describes_the_commands_and_settings() {
    let out = gatewatch(&["--help"], &[]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for word in [
        "serve",
        "--listen",
        "--data-dir",
        "DATABASE_URL",
        "GATEWATCH_",
    ] {
        assert!(text.contains(word), "--help lacks {word}: {text}");
    }
}

#[test]
fn a_port_in_use_is_named() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let out = gatewatch(
        &[
            "--listen",
            &addr,
            "--data-dir",
            scratch_dir("port").to_str().unwrap(),
        ],
        &[],
    );
    fails_with(&out, "already in use");
}

#[test]
fn a_malformed_database_url_is_named_without_its_password() {
    let out = gatewatch(
        &["--listen", "127.0.0.1:0"],
        &[("DATABASE_URL", "postgres://bob:hunter2@db:notaport/x")],
    );
    fails_with(&out, "DATABASE_URL is not a valid");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("hunter2"));
}

#[test]
fn an_unreachable_database_is_named() {
    // Port 1 on loopback: nothing listens there.
    let out = gatewatch(
        &["--listen", "127.0.0.1:0"],
        &[("DATABASE_URL", "postgres://bob:hunter2@127.0.0.1:1/x")],
    );
    fails_with(
        &out,
        "cannot connect to the PostgreSQL server named by DATABASE_URL",
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("hunter2"));
}

#[test]
fn a_database_that_never_answers_is_named() {
    // A port that accepts connections (the kernel completes them) and never says a word.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = silent.local_addr().unwrap();
    let out = gatewatch(
        &["--listen", "127.0.0.1:0"],
        &[("DATABASE_URL", &format!("postgres://bob:hunter2@{addr}/x"))],
    );
    fails_with(
        &out,
        &format!("{addr} accepted the connection but did not answer within 10 s"),
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("hunter2"));
}

#[test]
fn missing_server_binaries_are_named_with_the_fix() {
    let empty = scratch_dir("nobin");
    let data = scratch_dir("nobin-data");
    let out = gatewatch(
        &[
            "--listen",
            "127.0.0.1:0",
            "--data-dir",
            data.to_str().unwrap(),
        ],
        &[("GATEWATCH_POSTGRES__BIN_DIR", empty.to_str().unwrap())],
    );
    fails_with(&out, "`initdb` was not found");
    fails_with(&out, "apt-get install postgresql");
}

#[test]
fn an_unusable_data_dir_is_named() {
    let file = scratch_dir("file").join("plain-file");
    std::fs::write(&file, "not a directory").unwrap();
    let out = gatewatch(
        &[
            "--listen",
            "127.0.0.1:0",
            "--data-dir",
            file.to_str().unwrap(),
        ],
        &[],
    );
    fails_with(&out, "is not usable");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "not a directory");
}

#[test]
fn a_bad_setting_names_the_key() {
    let out = gatewatch(
        &["--listen", "127.0.0.1:0"],
        &[("GATEWATCH_SESSION__IDLE_TIMEOUT_MINUTES", "soon")],
    );
    fails_with(&out, "idle_timeout_minutes");
}

#[test]
fn call_without_credentials_names_the_variable() {
    let out = Command::new(env!("CARGO_BIN_EXE_gatewatch"))
        .args([
            "call",
            "aliyun",
            "DescribeRegions",
            "--region",
            "cn-hangzhou",
        ])
        .env_remove("ALIBABA_CLOUD_ACCESS_KEY_ID")
        .output()
        .unwrap();
    fails_with(&out, "MissingCredentials: set ALIBABA_CLOUD_ACCESS_KEY_ID");
}

#[test]
fn call_failures_exit_non_zero_with_a_code_and_no_secret() {
    // Nothing listens on loopback port 1: the client reports a connection error.
    let aliyun = Command::new(env!("CARGO_BIN_EXE_gatewatch"))
        .args([
            "call",
            "aliyun",
            "DescribeRegions",
            "--region",
            "cn-hangzhou",
            "--endpoint",
            "http://127.0.0.1:1",
        ])
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIexample")
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "very-secret-value")
        .output()
        .unwrap();
    fails_with(&aliyun, "ConnectError");
    assert!(!String::from_utf8_lossy(&aliyun.stderr).contains("very-secret-value"));
    let huawei = Command::new(env!("CARGO_BIN_EXE_gatewatch"))
        .args([
            "call",
            "huawei",
            "GET",
            "/v5/{project_id}/vpn-gateways",
            "--region",
            "cn-north-4",
        ])
        .args(["--endpoint", "http://127.0.0.1:1", "--project-id", "p1"])
        .env("HUAWEICLOUD_SDK_AK", "AKEXAMPLE")
        .env("HUAWEICLOUD_SDK_SK", "very-secret-value")
        .output()
        .unwrap();
    fails_with(&huawei, "TransportError");
    assert!(!String::from_utf8_lossy(&huawei.stderr).contains("very-secret-value"));
}

#[test]
fn call_refuses_plain_http_to_a_remote_host() {
    let out = Command::new(env!("CARGO_BIN_EXE_gatewatch"))
        .args([
            "call",
            "aliyun",
            "DescribeRegions",
            "--region",
            "cn-hangzhou",
            "--endpoint",
            "http://vpc.example.com",
        ])
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIexample")
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "s")
        .output()
        .unwrap();
    fails_with(&out, "ConfigError");
}

#[test]
fn a_bad_demo_estate_size_names_the_setting() {
    let out = gatewatch(
        &["--listen", "127.0.0.1:0"],
        &[("GATEWATCH_DEMO__SIZE", "enormous")],
    );
    fails_with(&out, "demo.size");
}
