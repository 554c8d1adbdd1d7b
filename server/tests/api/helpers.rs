//! `spawn_app()`: a running gatewatch server on 127.0.0.1:0 with its own database.

use app::state::DatabaseKind;
use server::config::Settings;
use server::pg::{EmbeddedOptions, EmbeddedPostgres};
use sqlx::postgres::PgConnectOptions;
use sqlx::{Connection, PgConnection, PgPool};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::OnceLock;
use tokio::sync::oneshot;

const TEMPLATE: &str = "gw_template";

/// The cluster shared by all tests of this run.
struct Cluster {
    options: PgConnectOptions,
}

/// Starts the cluster once, on a thread that lives as long as the test process: PostgreSQL
/// receives SIGTERM when that thread ends (PDEATHSIG), i.e. when the tests are over.
fn cluster() -> &'static Cluster {
    static CLUSTER: OnceLock<Cluster> = OnceLock::new();
    CLUSTER.get_or_init(|| {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                let pg = EmbeddedPostgres::start(EmbeddedOptions {
                    root: scratch_dir("pg"),
                    bin_dir: None,
                    port: 0,
                    ephemeral: true,
                    root_fallback: false,
                })
                .await
                .expect("the test cluster starts");
                let template = pg.connect_options(TEMPLATE);
                let mut admin = PgConnection::connect_with(&pg.connect_options("postgres"))
                    .await
                    .unwrap();
                sqlx::query(&format!("CREATE DATABASE {TEMPLATE}"))
                    .execute(&mut admin)
                    .await
                    .unwrap();
                let pool = PgPool::connect_with(template).await.unwrap();
                server::db::MIGRATOR
                    .run(&pool)
                    .await
                    .expect("migrations apply");
                pool.close().await;
                tx.send(Cluster {
                    options: pg.connect_options("postgres"),
                })
                .unwrap();
                std::future::pending::<()>().await;
                drop(pg);
            });
        });
        rx.recv().expect("the test cluster thread reports")
    })
}

/// A directory for this test process under the system temp dir, reachable by the postgres
/// account (the cluster runs as it when the tests run as root). Leftovers of earlier runs whose
/// process is gone are removed first.
pub fn scratch_dir(name: &str) -> PathBuf {
    let base = std::env::temp_dir().join("gatewatch-tests");
    std::fs::create_dir_all(&base).unwrap();
    if let Ok(entries) = std::fs::read_dir(&base) {
        for e in entries.flatten() {
            let pid = e
                .file_name()
                .to_string_lossy()
                .split('-')
                .next()
                .and_then(|p| p.parse::<u32>().ok());
            if pid.is_some_and(|p| {
                p != std::process::id() && !PathBuf::from(format!("/proc/{p}")).exists()
            }) {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
    }
    let dir = base.join(format!(
        "{}-{name}-{}",
        std::process::id(),
        uuid::Uuid::new_v4().simple()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A fresh database cloned from the migrated template.
pub async fn fresh_database() -> PgPool {
    let cluster = cluster();
    let name = format!("t_{}", uuid::Uuid::new_v4().simple());
    let mut admin = PgConnection::connect_with(&cluster.options).await.unwrap();
    sqlx::query(&format!("CREATE DATABASE {name} TEMPLATE {TEMPLATE}"))
        .execute(&mut admin)
        .await
        .unwrap();
    admin.close().await.unwrap();
    PgPool::connect_with(cluster.options.clone().database(&name))
        .await
        .unwrap()
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
    let settings = test_settings();
    let listener = server::bind("127.0.0.1:0".parse().unwrap()).await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let serve_pool = pool.clone();
    let task = tokio::spawn(async move {
        server::serve(
            listener,
            serve_pool,
            DatabaseKind::External,
            &settings,
            async {
                let _ = stopped.await;
            },
        )
        .await
        .expect("the server runs");
    });
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let app = TestApp {
        addr,
        pool,
        client,
        stop: Some(stop),
        task,
    };
    // The listener is bound already, but the server registers itself before it answers: wait
    // for that, so tests never race the start-up.
    for _ in 0..200 {
        if app
            .client
            .get(app.url("/healthz"))
            .send()
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            return app;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("the test server did not answer /healthz within 5 s");
}

pub fn test_settings() -> Settings {
    let flags = server::cli::ServeArgs::default();
    Settings::load(None, &flags).expect("default settings load")
}
