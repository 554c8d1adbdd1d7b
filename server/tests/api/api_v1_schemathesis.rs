//! Property-based test of the JSON API from its own OpenAPI document: schemathesis (PyPI)
//! generates requests for every operation (valid and invalid parameters) and checks that none
//! answers 5xx and every answer matches the documented status codes, content types and
//! schemas. Runs when `.tools/schemathesis` exists (`scripts/setup.sh test` creates it);
//! otherwise it says it was skipped — except under `CI`, where a missing venv fails the test.

use crate::helpers::spawn_app_on;
use crate::overview::synced_toy_estate;
use std::path::Path;

/// Bounded so the whole run stays well under a minute and a half on two cores.
const EXAMPLES_PER_OPERATION: &str = "25";
const TIME_BUDGET_SECS: &str = "55";

#[tokio::test(flavor = "multi_thread")]
async fn schemathesis_finds_no_server_errors_and_no_schema_violations() {
    let cli = Path::new(env!("CARGO_MANIFEST_DIR")).join("../.tools/schemathesis/bin/schemathesis");
    if !cli.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but {} is missing: scripts/setup.sh test should have installed it",
            cli.display()
        );
        eprintln!("skipped: no {} (run scripts/setup.sh test)", cli.display());
        return;
    }
    let (_emu, pool, _) = synced_toy_estate().await;
    let app = spawn_app_on(pool).await;
    let token = crate::api_v1::token(&app, auth::Scope::default()).await;
    let out = tokio::process::Command::new(&cli)
        .arg("run")
        .arg(app.url("/api/v1/openapi.json"))
        .args(["--url", &app.url("")])
        .args(["-H", &format!("Authorization: Bearer {token}")])
        .args(["--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"])
        .args(["--max-examples", EXAMPLES_PER_OPERATION])
        .args(["--max-time", TIME_BUDGET_SECS])
        .args(["--seed", "20261125"])
        .args(["--workers", "2"])
        .env("NO_COLOR", "1")
        // Its crash cache goes to a scratch directory, not into the source tree.
        .current_dir(crate::helpers::scratch_dir("schemathesis"))
        .output()
        .await
        .expect("schemathesis starts");
    let report = format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.status.success(),
        "schemathesis found problems:\n{report}"
    );
    eprintln!("{report}");
    app.stop().await;
}
