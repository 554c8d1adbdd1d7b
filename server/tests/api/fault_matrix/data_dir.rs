//! A read-only or full data directory at start-up: `gatewatch` exits non-zero with one line
//! naming the directory and the cause, leaves the directory as it was, and starts normally
//! once the cause is gone.
//!
//! How it is simulated: tests run as root, for whom permission bits stop nothing, so the
//! binary runs in a private mount namespace (`unshare --mount`, no effect outside it) over a
//! tmpfs that is remounted read-only, or filled up, for real: the kernel answers EROFS and
//! ENOSPC. Where mount namespaces are not allowed the case falls back to a data directory
//! under a regular file (ENOTDIR), and says so in its report line.

use super::process::free_port;
use super::{report, wait_until};
use crate::helpers::{fresh_database, gatewatch_on, scratch_dir};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, BufReader};

const SCRIPT: &str = r#"
D=$1; BIN=$2; MODE=$3; PORT=$4
mount -t tmpfs -o size=256k tmpfs "$D" || exit 90
echo keep > "$D/marker"
if [ "$MODE" = read-only ]; then mount -o remount,ro "$D" || exit 91
else dd if=/dev/zero of="$D/filler" bs=4k 2>/dev/null; fi
"$BIN" --listen 127.0.0.1:0 --data-dir "$D"
echo "EXIT $?"
echo "LEFT $(ls -A "$D" | tr '\n' ' ')"
if [ "$MODE" = read-only ]; then mount -o remount,rw "$D"; else rm "$D/filler"; fi
echo FIXED
exec "$BIN" --listen "127.0.0.1:$PORT" --data-dir "$D"
"#;

fn namespaces_allowed() -> bool {
    Command::new("unshare")
        .args(["--mount", "true"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

async fn unusable_at_start(mode: &str, cause: &str) {
    let case = format!("{mode} data directory at start-up");
    let pool = fresh_database().await;
    let database = pool.connect_options().get_database().unwrap().to_string();
    let url = pgembed::testing::database_url(&database);
    if !namespaces_allowed() {
        return under_a_file(&case, &url);
    }
    let dir = scratch_dir("fm-datadir");
    let port = free_port();
    // No GATEWATCH_SECRET_KEY: the key file lives in the data directory, so this start needs it.
    let mut child = tokio::process::Command::new("unshare")
        .args(["--mount", "sh", "-c", SCRIPT, "sh"])
        .args([
            dir.to_str().unwrap(),
            env!("CARGO_BIN_EXE_gatewatch"),
            mode,
            &port.to_string(),
        ])
        .env("DATABASE_URL", &url)
        .env("GATEWATCH_DEMO__ENABLED", "false")
        .env("GATEWATCH_SYNC__ENABLED", "false")
        .env("RUST_LOG", "error")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut err = BufReader::new(child.stderr.take().unwrap()).lines();
    let (mut exit, mut left) = (String::new(), String::new());
    while let Some(line) = out.next_line().await.unwrap() {
        if let Some(code) = line.strip_prefix("EXIT ") {
            exit = code.to_string();
        } else if let Some(files) = line.strip_prefix("LEFT ") {
            left = files.trim().to_string();
        } else if line == "FIXED" {
            break;
        }
    }
    let fixed = Instant::now();
    let error = err.next_line().await.unwrap().unwrap_or_default();
    assert_ne!(exit, "0", "{case}: started anyway");
    assert!(
        !exit.is_empty(),
        "{case}: the script stopped early: {error}"
    );
    assert!(error.starts_with("gatewatch: error:"), "{case}: {error}");
    assert!(
        error.contains(dir.to_str().unwrap()),
        "{case}: the directory is not named: {error}"
    );
    assert!(
        error.contains(cause),
        "{case}: the cause is not named: {error}"
    );
    let expected_left = if mode == "read-only" {
        "marker"
    } else {
        "filler marker"
    };
    assert_eq!(left, expected_left, "{case}: the directory was touched");

    // The cause removed: the same command starts and answers.
    let client = reqwest::Client::new();
    wait_until(Duration::from_secs(60), "a healthy start", || async {
        let r = client
            .get(format!("http://127.0.0.1:{port}/healthz"))
            .send()
            .await;
        r.is_ok_and(|r| r.status().is_success())
    })
    .await;
    let recovery = fixed.elapsed();
    let pid = child.id().unwrap().to_string();
    let _ = Command::new("kill").args(["-TERM", &pid]).status();
    // Bounded: a lost SIGTERM fails this case instead of hanging the whole run.
    let status = tokio::time::timeout(Duration::from_secs(60), child.wait())
        .await
        .unwrap_or_else(|_| panic!("{case}: gatewatch still runs 60 s after SIGTERM"))
        .unwrap();
    assert!(status.success(), "{case}: {status:?}");
    report(
        &case,
        &format!(
            "exit {exit}, \"{}\"; directory untouched (EROFS/ENOSPC on a real tmpfs)",
            error.trim_start_matches("gatewatch: error: ")
        ),
        recovery,
    );
}

/// Without mount rights: a data directory whose parent is a regular file.
fn under_a_file(case: &str, url: &str) {
    let file = scratch_dir("fm-datadir-file").join("plain-file");
    std::fs::write(&file, "not a directory").unwrap();
    let dir = file.join("data");
    let out = gatewatch_on(&dir, url).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains(dir.to_str().unwrap()) && stderr.contains("not a directory"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "not a directory");
    report(
        case,
        &format!(
            "SIMULATED as ENOTDIR (no mount namespace here): exit non-zero, {}",
            stderr.trim()
        ),
        Duration::ZERO,
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_read_only_data_directory_is_named_and_nothing_is_touched() {
    unusable_at_start("read-only", "the file system is read-only").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_full_disk_under_the_data_directory_is_named_and_nothing_is_touched() {
    unusable_at_start("full", "the disk is full").await;
}
