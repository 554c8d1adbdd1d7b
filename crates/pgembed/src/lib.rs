//! The embedded PostgreSQL: a private cluster started from the system's server binaries when no
//! `DATABASE_URL` is given, so a new user sees a working dashboard with nothing to set up.
//!
//! - [`binaries`] finds `initdb` and `postgres` and reads their major version.
//! - [`account`] decides which OS user runs the server (PostgreSQL refuses to run as root).
//! - [`layout`] checks and prepares the data directory without ever deleting anything in it.
//! - [`init`] runs `initdb` once, with a generated password.
//! - [`cluster`] starts, waits for and stops the server process.

pub mod account;
pub mod binaries;
pub mod cluster;
pub mod init;
pub mod layout;
pub mod testing;

pub use cluster::{EmbeddedOptions, EmbeddedPostgres};

use std::path::PathBuf;

/// Everything that can stop the embedded PostgreSQL from starting. Each message names what is
/// wrong and what to do, because it is the one line a user sees before the process exits.
#[derive(Debug, thiserror::Error)]
pub enum PgError {
    #[error(
        "the PostgreSQL server program `{name}` was not found (looked in {looked}); install the \
         PostgreSQL server (Debian: `apt-get install postgresql`), set GATEWATCH_POSTGRES__BIN_DIR \
         to its bin directory, or set DATABASE_URL to use an existing server"
    )]
    MissingBinary { name: &'static str, looked: String },
    #[error("could not run `{program}`: {source}")]
    Spawn {
        program: String,
        source: std::io::Error,
    },
    #[error("the data directory {path} is not usable: {reason}; choose another with --data-dir or GATEWATCH_DATA_DIR")]
    DataDir { path: PathBuf, reason: String },
    #[error(
        "the PostgreSQL data directory {path} was created by PostgreSQL {found}, but the server \
         binaries are PostgreSQL {binaries}; install PostgreSQL {found} (or set \
         GATEWATCH_POSTGRES__BIN_DIR to it). Nothing in {path} was changed"
    )]
    VersionMismatch {
        path: PathBuf,
        found: String,
        binaries: String,
    },
    #[error(
        "{path} exists but is not a PostgreSQL data directory (no PG_VERSION file); refusing to \
         touch it. Move it away or choose another data dir"
    )]
    NotACluster { path: PathBuf },
    #[error(
        "the cluster in {cluster} has no password file at {password_file}; restore that file, or \
         move the cluster away to let gatewatch create a new one"
    )]
    MissingPassword {
        cluster: PathBuf,
        password_file: PathBuf,
    },
    #[error(
        "the `postgres` account (which runs the cluster, as gatewatch runs as root) cannot reach \
         {path}: a parent directory is private; choose a data dir outside private home directories"
    )]
    Unreachable { path: PathBuf },
    #[error("gatewatch runs as root and PostgreSQL refuses to; {0}")]
    Root(String),
    #[error("initdb failed ({status}): {log_tail}")]
    Initdb { status: String, log_tail: String },
    #[error("PostgreSQL exited during start-up ({status}); the end of {log}: {log_tail}")]
    Exited {
        status: String,
        log: PathBuf,
        log_tail: String,
    },
    #[error("PostgreSQL did not accept connections within {secs} s; see {log}")]
    StartTimeout { secs: u64, log: PathBuf },
    #[error("could not set up the gatewatch database: {0}")]
    Setup(#[from] sqlx::Error),
}
