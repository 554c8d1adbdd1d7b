//! The `[alerts]` section at start-up: a bad value stops the real binary with one line naming
//! the key and the allowed range, before anything is started.

use std::process::Command;

fn start_error(env: &[(&str, &str)]) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gatewatch"));
    cmd.args(["--listen", "127.0.0.1:0"])
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "error");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("gatewatch runs");
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!out.status.success(), "started anyway: {stderr}");
    stderr
        .lines()
        .find(|l| l.starts_with("gatewatch: error:"))
        .unwrap_or_else(|| panic!("no error line in: {stderr}"))
        .to_owned()
}

#[test]
fn bad_alert_settings_name_the_key() {
    let zero = start_error(&[("GATEWATCH_ALERTS__DEBOUNCE_SECS", "0")]);
    assert!(
        zero.contains("alerts.debounce_secs = 0: must be between 1 and 86400"),
        "{zero}"
    );
    let window = start_error(&[
        ("GATEWATCH_ALERTS__DEBOUNCE_SECS", "600"),
        ("GATEWATCH_ALERTS__FLAP_WINDOW_SECS", "300"),
    ]);
    assert!(window.contains("alerts.flap_window_secs (300)"), "{window}");
    let url = start_error(&[("GATEWATCH_ALERTS__PUBLIC_URL", "gatewatch.local")]);
    assert!(
        url.contains("alerts.public_url \"gatewatch.local\""),
        "{url}"
    );
    let word = start_error(&[("GATEWATCH_ALERTS__POLL_INTERVAL_SECS", "often")]);
    // (figment spells environment keys in capitals)
    assert!(
        word.to_lowercase().contains("alerts.poll_interval_secs"),
        "{word}"
    );
    let typo = start_error(&[("GATEWATCH_ALERTS__DEBOUNCE", "60")]);
    assert!(
        typo.contains("unknown field: found `debounce`") && typo.contains("debounce_secs"),
        "{typo}"
    );
}
