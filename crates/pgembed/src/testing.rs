//! For tests of any crate: one embedded cluster per test process, and a fresh database per test,
//! cloned from a template that has the given migrations applied (cloning is much faster than
//! migrating every test's database).

use crate::{EmbeddedOptions, EmbeddedPostgres};
use sqlx::migrate::Migrator;
use sqlx::postgres::PgConnectOptions;
use sqlx::{Connection, PgConnection, PgPool};
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::OnceLock;

/// Connection options (to the `postgres` database) of this process's test cluster.
pub fn cluster() -> &'static PgConnectOptions {
    &shared().0
}

/// A URL (password included) for `database` in the test cluster, for child processes.
pub fn database_url(database: &str) -> String {
    format!("{}/{database}", shared().1.trim_end_matches("/postgres"))
}

fn shared() -> &'static (PgConnectOptions, String) {
    static CLUSTER: OnceLock<(PgConnectOptions, String)> = OnceLock::new();
    CLUSTER.get_or_init(|| {
        // The cluster is started from a thread that lives as long as the process: PostgreSQL
        // gets SIGTERM when that thread ends (PDEATHSIG), i.e. when the tests are over.
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                let opts = EmbeddedOptions {
                    root: scratch_dir("pg"),
                    bin_dir: None,
                    port: 0,
                    ephemeral: true,
                    root_fallback: false,
                };
                let pg = EmbeddedPostgres::start(opts)
                    .await
                    .expect("the test cluster starts");
                let url = secrecy::ExposeSecret::expose_secret(&pg.url("postgres")).to_string();
                tx.send((pg.connect_options("postgres"), url)).unwrap();
                std::future::pending::<()>().await;
                drop(pg);
            });
        });
        rx.recv().expect("the test cluster thread reports")
    })
}

/// A new, empty database with `migrator`'s migrations applied.
pub async fn fresh_database(migrator: &'static Migrator) -> PgPool {
    let template = ensure_template(migrator).await;
    let name = format!("t_{}", uuid::Uuid::new_v4().simple());
    let mut admin = PgConnection::connect_with(cluster()).await.unwrap();
    sqlx::query(&format!("CREATE DATABASE {name} TEMPLATE {template}"))
        .execute(&mut admin)
        .await
        .unwrap();
    admin.close().await.unwrap();
    PgPool::connect_with(cluster().clone().database(&name))
        .await
        .unwrap()
}

/// The template for a set of migrations, named after their last version so that a changed
/// migration set never reuses a stale template.
async fn ensure_template(migrator: &'static Migrator) -> String {
    static MADE: tokio::sync::Mutex<Option<HashSet<String>>> = tokio::sync::Mutex::const_new(None);
    let last = migrator.iter().map(|m| m.version).max().unwrap_or(0);
    let name = format!("tpl_{last}_{}", migrator.iter().count());
    let mut made = MADE.lock().await;
    let made = made.get_or_insert_with(HashSet::new);
    if !made.contains(&name) {
        let mut admin = PgConnection::connect_with(cluster()).await.unwrap();
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut admin)
            .await
            .unwrap();
        admin.close().await.unwrap();
        let pool = PgPool::connect_with(cluster().clone().database(&name))
            .await
            .unwrap();
        migrator
            .run(&pool)
            .await
            .expect("migrations apply to the template");
        pool.close().await;
        made.insert(name.clone());
    }
    name
}

/// A directory for this test process under the system temp dir, reachable by the postgres
/// account (the cluster runs as it when tests run as root). Leftovers of earlier runs whose
/// process is gone are removed first.
pub fn scratch_dir(name: &str) -> PathBuf {
    let base = std::env::temp_dir().join("gatewatch-tests");
    std::fs::create_dir_all(&base).unwrap();
    if let Ok(entries) = std::fs::read_dir(&base) {
        for e in entries.flatten() {
            let name = e.file_name();
            let pid = name
                .to_string_lossy()
                .split('-')
                .next()
                .and_then(|p| p.parse::<u32>().ok());
            let gone = pid.is_some_and(|p| {
                p != std::process::id() && !PathBuf::from(format!("/proc/{p}")).exists()
            });
            if gone {
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
