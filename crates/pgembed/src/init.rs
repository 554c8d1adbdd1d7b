//! Creating the cluster the first time (`initdb` with a generated superuser password) and
//! reading that password back on later starts. Also the small file helpers both need.

use crate::account::{self, RunAs};
use crate::binaries::PgBinaries;
use crate::cluster::SUPERUSER;
use crate::layout::{self, Layout};
use crate::PgError;
use rand::distributions::{Alphanumeric, DistString};
use secrecy::SecretString;
use std::fs;
use std::os::unix::fs::{chown, OpenOptionsExt};
use std::process::{Command, Stdio};

pub fn initdb(
    bins: &PgBinaries,
    layout: &Layout,
    run_as: Option<RunAs>,
) -> Result<SecretString, PgError> {
    let password = Alphanumeric.sample_string(&mut rand::rngs::OsRng, 32);
    let io_err = |what: &str, e: std::io::Error| PgError::DataDir {
        path: layout.root.clone(),
        reason: format!("{what} ({e})"),
    };
    // The password file is ours (0600); initdb reads a copy the postgres account can read,
    // removed as soon as initdb is done.
    write_private(&layout.password_file, &password, None)
        .map_err(|e| io_err("cannot write the password file", e))?;
    let pwfile = layout.root.join(".initdb-pw");
    write_private(&pwfile, &password, run_as)
        .map_err(|e| io_err("cannot write initdb's password file", e))?;
    let log = log_file(layout)?;
    let mut cmd = Command::new(&bins.initdb);
    cmd.arg("-D")
        .arg(&layout.cluster)
        .args([
            "-U",
            SUPERUSER,
            "--auth=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C",
        ])
        .arg(format!("--pwfile={}", pwfile.display()))
        .stdin(Stdio::null())
        .stdout(
            log.try_clone()
                .map_err(|e| io_err("cannot open the log", e))?,
        )
        .stderr(log);
    account::prepare(&mut cmd, run_as);
    tracing::info!(cluster = %layout.cluster.display(), "initialising the embedded PostgreSQL cluster");
    let status = cmd.status().map_err(|source| PgError::Spawn {
        program: bins.initdb.display().to_string(),
        source,
    });
    let _ = fs::remove_file(&pwfile);
    let status = status?;
    if !status.success() {
        return Err(PgError::Initdb {
            status: status.to_string(),
            log_tail: layout::tail(&layout.log_file, 4),
        });
    }
    Ok(SecretString::from(password))
}

pub fn read_password(layout: &Layout) -> Result<SecretString, PgError> {
    match fs::read_to_string(&layout.password_file) {
        Ok(p) if !p.trim().is_empty() => Ok(SecretString::from(p.trim().to_string())),
        _ => Err(PgError::MissingPassword {
            cluster: layout.cluster.clone(),
            password_file: layout.password_file.clone(),
        }),
    }
}

pub fn log_file(layout: &Layout) -> Result<fs::File, PgError> {
    fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&layout.log_file)
        .map_err(|e| PgError::DataDir {
            path: layout.log_file.clone(),
            reason: format!("cannot open the PostgreSQL log ({e})"),
        })
}

fn write_private(
    path: &std::path::Path,
    content: &str,
    owner: Option<RunAs>,
) -> std::io::Result<()> {
    use std::io::Write;
    let mut f = fs::OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(content.as_bytes())?;
    if let Some(RunAs { uid, gid }) = owner {
        chown(path, Some(uid), Some(gid))?;
    }
    Ok(())
}
