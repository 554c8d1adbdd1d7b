//! The start-up check of the data directory: before anything is started, prove that a file
//! can be written there, so a read-only or full disk is one clear line naming the directory
//! and the cause, instead of a half-initialised PostgreSQL cluster or a lost key file.

use crate::config::Settings;
use std::io::{ErrorKind, Write};
use std::path::Path;

/// Bytes the probe writes: one page, enough for a full file system to refuse it.
const PROBE_BYTES: usize = 4096;

/// Checks the data directory when this start needs it (the embedded cluster or the key file
/// live there). Leaves nothing behind: the probe file is removed whether or not it was written.
pub fn check(settings: &Settings) -> Result<(), String> {
    let needed = settings.database_url.is_none() || settings.secret_key.is_none();
    if !needed {
        return Ok(());
    }
    probe(&settings.data_dir)
}

pub fn probe(dir: &Path) -> Result<(), String> {
    let fail = |e: std::io::Error| {
        format!(
            "the data directory {} is not usable: cannot write there, {} ({e}); fix it or \
             choose another with --data-dir or GATEWATCH_DATA_DIR",
            dir.display(),
            cause(&e)
        )
    };
    if !dir.exists() {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let file = dir.join(format!(".gatewatch-write-probe-{}", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&file)
        .and_then(|mut f| {
            let outcome = f.write_all(&[0u8; PROBE_BYTES]).and_then(|()| f.sync_all());
            let _ = std::fs::remove_file(&file);
            outcome
        });
    written.map_err(fail)
}

/// The cause in words an operator acts on.
fn cause(e: &std::io::Error) -> &'static str {
    match e.kind() {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "the disk is full",
        ErrorKind::ReadOnlyFilesystem => "the file system is read-only",
        ErrorKind::PermissionDenied => "permission denied",
        ErrorKind::NotADirectory => "part of the path is a file, not a directory",
        ErrorKind::AlreadyExists => "a file is in the way",
        _ => "an I/O error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_writable_directory_passes_and_keeps_nothing() {
        let dir = pgembed::testing::scratch_dir("probe-ok");
        probe(&dir).unwrap();
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
    }

    #[test]
    fn a_path_under_a_file_is_named_with_its_cause() {
        let file = pgembed::testing::scratch_dir("probe-file").join("plain");
        std::fs::write(&file, "x").unwrap();
        let err = probe(&file.join("data")).unwrap_err();
        assert!(
            err.contains(&file.join("data").display().to_string()),
            "{err}"
        );
        assert!(err.contains("not a directory"), "{err}");
    }
}
