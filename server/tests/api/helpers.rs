//! `spawn_app()`: a running gatewatch server on 127.0.0.1:0 with its own database.

use app::state::DatabaseKind;
use server::config::Settings;
use sqlx::PgPool;
use std::net::SocketAddr;
use tokio::sync::oneshot;

pub use pgembed::testing::scratch_dir;

/// A fresh database with the server's migrations applied.
pub async fn fresh_database() -> PgPool {
    pgembed::testing::fresh_database(&server::db::MIGRATOR).await
}

pub struct TestApp {
    pub addr: SocketAddr,
    pub pool: PgPool,
    pub client: reqwest::Client,
    stop: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<()>,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Calls a server function the way the browser does (form-encoded POST).
    pub async fn server_fn(&self, endpoint: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.url(&format!("/api/{endpoint}")))
            .form(form)
            .send()
            .await
            .unwrap()
    }

    /// Graceful shutdown, as on SIGTERM.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        (&mut self.task).await.unwrap();
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_on(fresh_database().await).await
}

/// Another server instance on an existing database (replicas share one PostgreSQL).
pub async fn spawn_app_on(pool: PgPool) -> TestApp {
    spawn_app_with(pool, test_settings()).await
}

/// A server with its own settings (e.g. no guest access) on `pool`.
pub async fn spawn_app_with(pool: PgPool, settings: Settings) -> TestApp {
    spawn_app_with_services(pool, settings, app::state::Services::default()).await
}

/// A server running `services` (e.g. a sync engine on an emulator) besides its pages.
pub async fn spawn_app_with_services(
    pool: PgPool,
    settings: Settings,
    services: app::state::Services,
) -> TestApp {
    let listener = server::bind("127.0.0.1:0".parse().unwrap()).await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let serve_pool = pool.clone();
    let task = tokio::spawn(async move {
        server::serve(
            listener,
            serve_pool,
            DatabaseKind::External,
            services,
            &settings,
            async {
                let _ = stopped.await;
            },
        )
        .await
        .expect("the server runs");
    });
    let client = new_client();
    let app = TestApp {
        addr,
        pool,
        client,
        stop: Some(stop),
        task,
    };
    // The listener is bound already, but the server registers itself before it answers: wait
    // for that, so tests never race the start-up.
    // 30 s: under a loaded machine (two test threads, other builds) the debug server's first
    // answer has taken over 5 s.
    let started = std::time::Instant::now();
    while started.elapsed() < std::time::Duration::from_secs(30) {
        if app
            .client
            .get(app.url("/healthz"))
            .send()
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            if started.elapsed() > std::time::Duration::from_secs(2) {
                eprintln!(
                    "slow start: /healthz answered after {:?}",
                    started.elapsed()
                );
            }
            return app;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("the test server did not answer /healthz within 30 s");
}

pub fn test_settings() -> Settings {
    let flags = server::cli::ServeArgs::default();
    Settings::load(None, &flags).expect("default settings load")
}

/// A browser-like client: its own cookie jar, redirects not followed (tests look at them).
pub fn new_client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Settings with no guest access: every page and server function needs a signed-in user.
pub fn settings_without_guests() -> Settings {
    let mut settings = test_settings();
    settings.access.guest_role = Some("none".into());
    settings
}

/// A client signed in as a new user with `role` (password "a long test password").
pub async fn signed_in(app: &TestApp, name: &str, role: auth::Role) -> reqwest::Client {
    auth::users::create(&app.pool, name, "a long test password", role)
        .await
        .expect("user created");
    let client = new_client();
    let resp = client
        .post(app.url("/api/session/login"))
        .form(&[("name", name), ("password", "a long test password")])
        .send()
        .await
        .unwrap();
    assert_eq!(
        resp.status(),
        200,
        "login of {name}: {}",
        resp.text().await.unwrap()
    );
    client
}

/// Sends `signal` ("TERM", "INT") to a `gatewatch` child and waits up to a minute for its
/// exit; a server that ignores it fails the test (and is killed) instead of hanging the run.
pub fn stop_child(child: &mut std::process::Child, signal: &str) -> std::process::ExitStatus {
    let limit = std::time::Duration::from_secs(60);
    let _ = std::process::Command::new("kill")
        .args([format!("-{signal}"), child.id().to_string()])
        .status();
    let started = std::time::Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("gatewatch still ran {limit:?} after SIG{signal}");
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
}

/// The `gatewatch` binary serving on a free port of 127.0.0.1 with `data_dir` and the database
/// at `database_url`, the demo off and only errors logged: the start most process tests need.
pub fn gatewatch_on(data_dir: &std::path::Path, database_url: &str) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_gatewatch"));
    cmd.args(["--listen", "127.0.0.1:0", "--data-dir"])
        .arg(data_dir)
        .env("DATABASE_URL", database_url)
        .env("GATEWATCH_DEMO__ENABLED", "false")
        .env("RUST_LOG", "error");
    cmd
}
