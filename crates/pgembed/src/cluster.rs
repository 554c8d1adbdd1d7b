//! Starting and stopping the embedded cluster.
//!
//! The server runs as a direct child (not daemonised by `pg_ctl`), listening on 127.0.0.1
//! only, with Unix sockets off and password (SCRAM) authentication. Being a child means it
//! dies with gatewatch (PDEATHSIG) even on a crash, and gatewatch can stop it in order after
//! the HTTP server has drained.

use crate::account::{self, RunAs};
use crate::binaries::PgBinaries;
use crate::init::{initdb, log_file, read_password};
use crate::layout::{self, ClusterState, Layout};
use crate::PgError;
use secrecy::{ExposeSecret, SecretString};
use sqlx::postgres::PgConnectOptions;
use sqlx::{ConnectOptions, Connection};
use std::fs;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The superuser initdb creates, and the database gatewatch uses inside the cluster.
pub const SUPERUSER: &str = "gatewatch";
pub const DATABASE: &str = "gatewatch";
const START_TIMEOUT: Duration = Duration::from_secs(60);

#[derive(Clone, Debug)]
pub struct EmbeddedOptions {
    /// Root of the cluster's files (see [`Layout`]).
    pub root: PathBuf,
    /// Where `initdb` and `postgres` are, when not found by themselves.
    pub bin_dir: Option<PathBuf>,
    /// TCP port on 127.0.0.1; 0 picks a free one at each start.
    pub port: u16,
    /// Turn off fsync: only for throw-away clusters (tests), never for user data.
    pub ephemeral: bool,
    /// When running as root and the postgres account cannot reach `root`, use a directory
    /// under /var/lib/gatewatch (one per `root`) instead of failing. Off when `root` was set
    /// explicitly for the cluster: then the user's choice is respected or refused, not moved.
    pub root_fallback: bool,
}

pub struct EmbeddedPostgres {
    child: Option<Child>,
    layout: Layout,
    port: u16,
    password: SecretString,
}

impl EmbeddedPostgres {
    /// Initialises the cluster on first use (never on later ones), starts it and waits until
    /// it accepts connections, then makes sure the gatewatch database exists.
    pub async fn start(opts: EmbeddedOptions) -> Result<Self, PgError> {
        let bins = PgBinaries::locate(opts.bin_dir.as_deref())?;
        let run_as = account::choose()?;
        let layout = match Layout::prepare(&opts.root, run_as) {
            Err(PgError::Unreachable { path }) if opts.root_fallback => {
                // Running as root from a private home directory (a fresh clone in /root):
                // keep the cluster where the postgres account can reach it instead of failing.
                let fallback = root_fallback_dir(&path);
                tracing::warn!(wanted = %path.display(), using = %fallback.display(),
                    "the postgres account cannot reach the data dir; keeping the cluster in a system directory");
                Layout::prepare(&fallback, run_as)?
            }
            other => other?,
        };
        let password = match layout.inspect()? {
            ClusterState::Missing => initdb(&bins, &layout, run_as)?,
            ClusterState::Existing { major } if major != bins.major => {
                return Err(PgError::VersionMismatch {
                    path: layout.cluster.clone(),
                    found: major,
                    binaries: bins.major,
                });
            }
            ClusterState::Existing { .. } => read_password(&layout)?,
        };
        let port = if opts.port == 0 {
            free_port()?
        } else {
            opts.port
        };
        let child = spawn_postgres(&bins, &layout, run_as, port, opts.ephemeral)?;
        let mut pg = EmbeddedPostgres {
            child: Some(child),
            layout,
            port,
            password,
        };
        pg.wait_ready().await?;
        pg.ensure_database().await?;
        tracing::info!(port, cluster = %pg.layout.cluster.display(), "embedded PostgreSQL is ready");
        Ok(pg)
    }

    /// Connection options for the gatewatch database (or `database`).
    pub fn connect_options(&self, database: &str) -> PgConnectOptions {
        PgConnectOptions::new()
            .host("127.0.0.1")
            .port(self.port)
            .username(SUPERUSER)
            .password(self.password.expose_secret())
            .database(database)
    }

    /// A `postgres://` URL for `database`, password included: for handing the cluster to a
    /// child process (tests). Never log it.
    pub fn url(&self, database: &str) -> SecretString {
        SecretString::from(format!(
            "postgres://{SUPERUSER}:{}@127.0.0.1:{}/{database}",
            self.password.expose_secret(),
            self.port
        ))
    }

    pub fn data_dir(&self) -> &std::path::Path {
        &self.layout.cluster
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    async fn wait_ready(&mut self) -> Result<(), PgError> {
        let started = Instant::now();
        let opts = self.connect_options("postgres").disable_statement_logging();
        loop {
            if let Some(child) = self.child.as_mut() {
                if let Ok(Some(status)) = child.try_wait() {
                    self.child = None;
                    return Err(PgError::Exited {
                        status: status.to_string(),
                        log: self.layout.log_file.clone(),
                        log_tail: layout::tail(&self.layout.log_file, 4),
                    });
                }
            }
            if let Ok(conn) = sqlx::PgConnection::connect_with(&opts).await {
                let _ = conn.close().await;
                return Ok(());
            }
            if started.elapsed() > START_TIMEOUT {
                return Err(PgError::StartTimeout {
                    secs: START_TIMEOUT.as_secs(),
                    log: self.layout.log_file.clone(),
                });
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    async fn ensure_database(&self) -> Result<(), PgError> {
        let mut conn = sqlx::PgConnection::connect_with(&self.connect_options("postgres")).await?;
        let exists: bool =
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)")
                .bind(DATABASE)
                .fetch_one(&mut conn)
                .await?;
        if !exists {
            sqlx::query(&format!("CREATE DATABASE {DATABASE}"))
                .execute(&mut conn)
                .await?;
        }
        conn.close().await?;
        Ok(())
    }

    /// Fast shutdown (SIGINT: roll back open transactions, checkpoint, exit), waiting for the
    /// process so nothing is left running. Called after the HTTP server has drained.
    pub async fn stop(mut self) {
        let Some(mut child) = self.child.take() else {
            return;
        };
        tokio::task::spawn_blocking(move || stop_child(&mut child))
            .await
            .ok();
        tracing::info!("embedded PostgreSQL stopped");
    }
}

impl Drop for EmbeddedPostgres {
    /// A safety net for early returns and panics: never leave the server behind.
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            stop_child(&mut child);
        }
    }
}

fn stop_child(child: &mut Child) {
    let pid = child.id() as libc::pid_t;
    // SAFETY: signalling our own child process.
    unsafe { libc::kill(pid, libc::SIGINT) };
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    // Immediate shutdown as a last resort; the next start recovers from the WAL.
    unsafe { libc::kill(pid, libc::SIGQUIT) };
    let _ = child.wait();
}

fn spawn_postgres(
    bins: &PgBinaries,
    layout: &Layout,
    run_as: Option<RunAs>,
    port: u16,
    ephemeral: bool,
) -> Result<Child, PgError> {
    let log = log_file(layout)?;
    let mut cmd = Command::new(&bins.postgres);
    cmd.arg("-D")
        .arg(&layout.cluster)
        .args(["-p", &port.to_string()])
        .args([
            "-c",
            "listen_addresses=127.0.0.1",
            "-c",
            "unix_socket_directories=",
            "-c",
            "max_connections=300",
            // gatewatch's tables fit in memory, where an index probe costs about what a
            // sequential page read does. At the default 4.0 the planner scanned all 68,000
            // resource rows (50 ms) to count or page 5,000 connections that an index reaches in
            // 5 ms (scripts/bench-ssr.sh, 10,000 connections).
            "-c",
            "random_page_cost=1.1",
        ]);
    if ephemeral {
        cmd.args([
            "-c",
            "fsync=off",
            "-c",
            "synchronous_commit=off",
            "-c",
            "full_page_writes=off",
        ]);
    }
    cmd.stdin(Stdio::null())
        .stdout(log.try_clone().map_err(|e| PgError::DataDir {
            path: layout.log_file.clone(),
            reason: e.to_string(),
        })?)
        .stderr(log);
    account::prepare(&mut cmd, run_as);
    cmd.spawn().map_err(|source| PgError::Spawn {
        program: bins.postgres.display().to_string(),
        source,
    })
}

/// /var/lib/gatewatch/postgres-<hash of the wanted path>: stable across restarts, distinct per
/// checkout.
fn root_fallback_dir(wanted: &std::path::Path) -> PathBuf {
    let canonical = fs::canonicalize(wanted).unwrap_or_else(|_| wanted.to_path_buf());
    // FNV-1a: stable across Rust versions, unlike DefaultHasher.
    let hash = canonical
        .as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf29ce484222325u64, |h, b| {
            (h ^ u64::from(*b)).wrapping_mul(0x100000001b3)
        });
    PathBuf::from(format!("/var/lib/gatewatch/postgres-{hash:016x}"))
}

/// A free port on 127.0.0.1 (the OS picks it; it is released for PostgreSQL to take).
fn free_port() -> Result<u16, PgError> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|source| PgError::Spawn {
        program: "a loopback port probe".into(),
        source,
    })?;
    Ok(listener
        .local_addr()
        .map_err(|source| PgError::Spawn {
            program: "a loopback port probe".into(),
            source,
        })?
        .port())
}
