//! No secret leaves the server: the real `gatewatch` binary runs the demo estate with debug
//! logging; an admin crawls every page reachable from the navigation (following links), calls
//! every registered server function, every `/api/v1` list, the CSV exports, the metrics and
//! the event streams; then every answer body and the whole server log are searched for the
//! estate's secrets (access key secrets, PSKs, BGP auth keys), the session id and the wall
//! and API tokens. The only answers allowed to carry a token are the ones that create it.

use crate::helpers::{fresh_database, scratch_dir, stop_child};
use crate::secret_scan_crawl::{crawl, Fetched};
use base64::Engine as _;
use emulator::EstateSize;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const SEED: u64 = 4242;
const PASSWORD: &str = "a long test password";

fn start(database_url: &str, port: u16, dir: &std::path::Path) -> Child {
    let log = |name: &str| std::fs::File::create(dir.join(name)).unwrap();
    Command::new(env!("CARGO_BIN_EXE_gatewatch"))
        .args(["--listen", &format!("127.0.0.1:{port}"), "--data-dir"])
        .arg(dir.join("data"))
        .env("DATABASE_URL", database_url)
        .env(
            "GATEWATCH_SECRET_KEY",
            base64::engine::general_purpose::STANDARD.encode([9u8; 32]),
        )
        .env("GATEWATCH_DEMO__ENABLED", "true")
        .env("GATEWATCH_DEMO__SEED", SEED.to_string())
        .env("GATEWATCH_DEMO__SIZE", "toy")
        // Everything a debugging administrator could turn on.
        .env("RUST_LOG", "debug")
        .stdout(Stdio::from(log("stdout.log")))
        .stderr(Stdio::from(log("stderr.log")))
        .spawn()
        .unwrap()
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Waits until every (account, region) of the estate has a first successful sync of every
/// kind, so the pages show the whole estate.
async fn wait_for_first_sync(pool: &sqlx::PgPool, keys: i64) {
    for _ in 0..600 {
        let done: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM sync_freshness WHERE last_success_at IS NOT NULL",
        )
        .fetch_one(pool)
        .await
        .unwrap_or(0);
        if done >= keys {
            return;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("the demo estate was not synced within 120 s");
}

/// `(what, where)` for every secret found where it must not be.
fn leaks(secrets: &[(String, String)], places: &[Fetched]) -> Vec<String> {
    let mut found = Vec::new();
    for place in places {
        for (what, secret) in secrets {
            if place.body.contains(secret.as_str()) && !place.may_show.contains(secret) {
                found.push(format!("{what} in {}", place.url));
            }
        }
    }
    found
}

#[tokio::test(flavor = "multi_thread")]
async fn no_secret_in_any_page_json_answer_or_log_line() {
    // Arrange: a fresh database with an admin, the binary with the demo estate.
    let pool = fresh_database().await;
    auth::users::create(&pool, "scan-admin", PASSWORD, auth::Role::Admin)
        .await
        .unwrap();
    let database = pool.connect_options().get_database().unwrap().to_string();
    let dir = scratch_dir("secret-scan");
    let port = free_port();
    let mut child = start(&pgembed::testing::database_url(&database), port, &dir);
    let base = format!("http://127.0.0.1:{port}");
    let estate = emulator::estate::generate(SEED, EstateSize::toy());
    let pairs: usize = estate
        .accounts
        .iter()
        .map(|a| a.aliyun.len() + a.huawei.len())
        .sum();
    let kinds: usize = sync::Unit::ALL.iter().map(|u| u.kinds().len()).sum();
    wait_for_first_sync(&pool, (pairs * kinds) as i64).await;

    // Act: sign in, make a wall and an API token, crawl everything, stop the server.
    let outcome = crawl(&base, "scan-admin", PASSWORD).await;
    let status = stop_child(&mut child, "INT");
    assert!(status.success(), "gatewatch stopped badly: {status}");

    // Assert: the crawl really covered the console (a scan of nothing finds nothing).
    let urls: Vec<&str> = outcome.fetched.iter().map(|f| f.url.as_str()).collect();
    for must in [
        "/connections/",
        "/bgp/peer",
        "/admin/audit.csv",
        "/api/v1/connections",
        "/api/connection",
        "/wall/gww_",
        "/events",
    ] {
        assert!(
            urls.iter().any(|u| u.contains(must)),
            "the crawl never reached {must}: {urls:#?}"
        );
    }
    assert!(outcome.pages >= 15, "only {} pages crawled", outcome.pages);
    let mut secrets: Vec<(String, String)> = estate
        .secrets()
        .into_iter()
        .filter(|s| s.len() >= 8)
        .map(|s| ("an estate secret".to_string(), s))
        .collect();
    assert!(secrets.len() > 4, "the estate's secrets: {}", secrets.len());
    secrets.push(("the session id".into(), outcome.session_id.clone()));
    secrets.push(("the wall token".into(), outcome.wall_token.clone()));
    secrets.push(("the API token".into(), outcome.api_token.clone()));
    let mut logs = Vec::new();
    for name in ["stdout.log", "stderr.log"] {
        let body = std::fs::read_to_string(dir.join(name)).unwrap();
        assert!(
            name == "stdout.log" || body.lines().count() > 100,
            "debug logging was on: {} lines",
            body.lines().count()
        );
        logs.push(Fetched::new(format!("the server log ({name})"), body));
    }
    let found: Vec<String> = leaks(&secrets, &outcome.fetched)
        .into_iter()
        .chain(leaks(&secrets, &logs))
        .collect();
    assert!(found.is_empty(), "secrets leaked:\n{}", found.join("\n"));
    // The scan itself can fail: a body carrying a PSK is caught.
    let planted = [Fetched::new(
        "planted".into(),
        format!("x{}x", secrets[0].1),
    )];
    assert_eq!(leaks(&secrets, &planted).len(), 1);
}
