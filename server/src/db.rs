//! The database: which PostgreSQL to use (DATABASE_URL or the embedded cluster), the pool,
//! migrations at start-up, and the readiness check behind `/readyz`.

use crate::config::Settings;
use app::state::DatabaseKind;
use pgembed::{EmbeddedOptions, EmbeddedPostgres};
use secrecy::ExposeSecret;
use sqlx::migrate::Migrator;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{ConnectOptions, PgPool};
use std::str::FromStr;
use std::time::Duration;

/// The migrations in `migrations/`, embedded in the binary.
pub static MIGRATOR: Migrator = sqlx::migrate!("../migrations");

/// The database in use, and the embedded server when gatewatch started one.
pub struct Database {
    /// Pages, server functions and the JSON API.
    pub pool: PgPool,
    /// The sync engine, pruning and alerts. Measured on 10,000 connections: with one shared
    /// pool, a crawl's transactions held the connections and pages waited up to a second.
    pub background: PgPool,
    pub kind: DatabaseKind,
    pub embedded: Option<EmbeddedPostgres>,
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error(transparent)]
    Embedded(#[from] pgembed::PgError),
    // The URL itself is never echoed: it usually carries a password.
    #[error("DATABASE_URL is not a valid PostgreSQL URL ({0}); expected postgres://user:password@host:port/database")]
    BadUrl(String),
    #[error("cannot connect to the PostgreSQL server named by DATABASE_URL ({0}); check that it runs and that the URL is right")]
    Connect(String),
    #[error("the database migrations failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl Database {
    /// Connects to DATABASE_URL or starts the embedded cluster, then applies the migrations.
    pub async fn open(settings: &Settings) -> Result<Self, DbError> {
        let max = settings.postgres.max_connections.unwrap_or(16);
        let (options, kind, embedded) = match &settings.database_url {
            Some(url) => {
                let opts = PgConnectOptions::from_str(url.expose_secret())
                    .map_err(|e| DbError::BadUrl(redact(&e.to_string())))?;
                (opts, DatabaseKind::External, None)
            }
            None => {
                let root = settings.embedded_root();
                let pg = EmbeddedPostgres::start(EmbeddedOptions {
                    root: root.clone(),
                    bin_dir: settings.postgres.bin_dir.clone(),
                    port: settings.postgres.port,
                    ephemeral: false,
                    root_fallback: settings.postgres.data_dir.is_none(),
                })
                .await?;
                let opts = pg.connect_options(pgembed::cluster::DATABASE);
                (
                    opts,
                    DatabaseKind::Embedded {
                        data_dir: pg.data_dir().display().to_string(),
                    },
                    Some(pg),
                )
            }
        };
        let pool = connect(options.clone(), max).await?;
        MIGRATOR.run(&pool).await?;
        let background_max = settings.postgres.background_max_connections.unwrap_or(8);
        let postmaster = embedded
            .as_ref()
            .and_then(|pg| crate::backend_priority::postmaster_pid(pg.data_dir()));
        let background = pool_options(background_max)
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if let Some(postmaster) = postmaster {
                        let pid: i32 = sqlx::query_scalar("SELECT pg_backend_pid()")
                            .fetch_one(&mut *conn)
                            .await?;
                        crate::backend_priority::lower(pid as u32, postmaster);
                    }
                    Ok(())
                })
            })
            .connect_with(logged(options))
            .await
            .map_err(|e| DbError::Connect(redact(&e.to_string())))?;
        Ok(Database {
            pool,
            background,
            kind,
            embedded,
        })
    }

    /// Closes the pool, then stops the embedded server (if any) so no process outlives us.
    pub async fn close(self) {
        self.background.close().await;
        self.pool.close().await;
        if let Some(pg) = self.embedded {
            pg.stop().await;
        }
    }
}

/// How long the first connection may take to be answered.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// A pool that fails fast at start-up when the server is unreachable.
pub async fn connect(options: PgConnectOptions, max: u32) -> Result<PgPool, DbError> {
    let options = logged(options);
    // One direct connection first: it fails at once with the real cause (refused, bad
    // password, no such database), where the pool would retry until its timeout.
    // Bounded: a port that accepts and never answers (not PostgreSQL, or a server hung at
    // start) would otherwise hold the start-up for good, with nothing said.
    let attempt = <sqlx::PgConnection as sqlx::Connection>::connect_with(&options);
    let probe = tokio::time::timeout(CONNECT_TIMEOUT, attempt)
        .await
        .map_err(|_| {
            DbError::Connect(format!(
                "{}:{} accepted the connection but did not answer within {} s; is it a PostgreSQL server?",
                options.get_host(),
                options.get_port(),
                CONNECT_TIMEOUT.as_secs()
            ))
        })?
        .map_err(|e| DbError::Connect(redact(&e.to_string())))?;
    let _ = sqlx::Connection::close(probe).await;
    pool_options(max)
        .connect_with(options)
        .await
        .map_err(|e| DbError::Connect(redact(&e.to_string())))
}

fn logged(options: PgConnectOptions) -> PgConnectOptions {
    options.log_slow_statements(tracing::log::LevelFilter::Warn, Duration::from_secs(2))
}

fn pool_options(max: u32) -> PgPoolOptions {
    PgPoolOptions::new()
        .max_connections(max)
        .acquire_timeout(Duration::from_secs(10))
}

/// Ready means: the database answers and every migration this binary knows is applied.
pub async fn readiness(pool: &PgPool) -> Result<(), String> {
    let applied: i64 = sqlx::query_scalar("SELECT count(*) FROM _sqlx_migrations WHERE success")
        .fetch_one(pool)
        .await
        .map_err(|e| format!("database unreachable: {e}"))?;
    let known = MIGRATOR.iter().count() as i64;
    if applied < known {
        return Err(format!("{applied} of {known} migrations applied"));
    }
    Ok(())
}

/// Removes anything that looks like a password from a driver message (`:secret@`).
fn redact(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    for word in message.split_inclusive(char::is_whitespace) {
        match (word.find("://"), word.rfind('@')) {
            (Some(scheme), Some(at)) if at > scheme => {
                out.push_str(&word[..scheme + 3]);
                out.push_str("***");
                out.push_str(&word[at..]);
            }
            _ => out.push_str(word),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redact_hides_credentials_in_urls() {
        let msg = "error with postgres://bob:hunter2@db:5432/x here";
        let out = redact(msg);
        assert!(!out.contains("hunter2"), "{out}");
        assert!(out.contains("postgres://***@db:5432/x"), "{out}");
    }

    #[test]
    fn a_malformed_url_names_the_variable_and_not_the_secret() {
        let err = PgConnectOptions::from_str("postgres://bob:hunter2@db:notaport/x").unwrap_err();
        let msg = DbError::BadUrl(redact(&err.to_string())).to_string();
        assert!(msg.contains("DATABASE_URL"), "{msg}");
        assert!(!msg.contains("hunter2"), "{msg}");
    }
}
