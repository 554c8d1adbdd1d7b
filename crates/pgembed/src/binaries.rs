//! Locating the PostgreSQL server binaries: an explicit bin dir, else `PATH`, else Debian's
//! `/usr/lib/postgresql/<major>/bin` (newest first), where `initdb` and `postgres` live even
//! when only `psql` is on `PATH`.

use crate::PgError;
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Clone, Debug)]
pub struct PgBinaries {
    pub initdb: PathBuf,
    pub postgres: PathBuf,
    /// Major version of the binaries, e.g. "15".
    pub major: String,
}

impl PgBinaries {
    pub fn locate(bin_dir: Option<&Path>) -> Result<Self, PgError> {
        let candidates = candidate_dirs(bin_dir);
        let looked = candidates
            .iter()
            .map(|d| d.display().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        // Both programs must come from the same directory, or their versions could differ.
        let dir = candidates
            .iter()
            .find(|d| d.join("initdb").is_file() && d.join("postgres").is_file());
        let Some(dir) = dir else {
            let missing = if candidates.iter().any(|d| d.join("initdb").is_file()) {
                "postgres"
            } else {
                "initdb"
            };
            return Err(PgError::MissingBinary {
                name: missing,
                looked,
            });
        };
        let postgres = dir.join("postgres");
        let output = Command::new(&postgres)
            .arg("--version")
            .output()
            .map_err(|source| PgError::Spawn {
                program: postgres.display().to_string(),
                source,
            })?;
        let major = parse_major(&String::from_utf8_lossy(&output.stdout)).ok_or_else(|| {
            PgError::Spawn {
                program: postgres.display().to_string(),
                source: std::io::Error::other("unrecognised `postgres --version` output"),
            }
        })?;
        Ok(PgBinaries {
            initdb: dir.join("initdb"),
            postgres,
            major,
        })
    }
}

fn candidate_dirs(bin_dir: Option<&Path>) -> Vec<PathBuf> {
    if let Some(dir) = bin_dir {
        return vec![dir.to_path_buf()];
    }
    let mut dirs = Vec::new();
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            // `initdb` on PATH is often a symlink into the real bin dir, next to `postgres`.
            match std::fs::canonicalize(dir.join("initdb")) {
                Ok(real) => dirs.extend(real.parent().map(Path::to_path_buf)),
                Err(_) => dirs.push(dir),
            }
        }
    }
    let mut debian: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path().join("bin"))
                .collect()
        })
        .unwrap_or_default();
    debian.sort_by_key(|p| std::cmp::Reverse(major_of_debian_dir(p)));
    dirs.extend(debian);
    dirs.dedup();
    dirs
}

fn major_of_debian_dir(bin: &Path) -> u32 {
    bin.parent()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" → "15".
pub fn parse_major(version_output: &str) -> Option<String> {
    let number = version_output
        .split_whitespace()
        .find(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))?;
    let major = number.split('.').next()?;
    major
        .chars()
        .all(|c| c.is_ascii_digit())
        .then(|| major.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_debian_and_plain_versions() {
        assert_eq!(
            parse_major("postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)\n").as_deref(),
            Some("15")
        );
        // A pre-release has no plain major number: refuse rather than guess.
        assert_eq!(parse_major("postgres (PostgreSQL) 17beta1"), None);
        assert_eq!(
            parse_major("postgres (PostgreSQL) 16.2").as_deref(),
            Some("16")
        );
        assert_eq!(parse_major("no version here"), None);
    }

    #[test]
    fn an_explicit_bin_dir_without_the_programs_names_initdb() {
        let dir = crate::testing::scratch_dir("empty-bin");
        let err = PgBinaries::locate(Some(&dir)).unwrap_err();
        assert!(err.to_string().contains("`initdb` was not found"), "{err}");
        assert!(
            err.to_string().contains("apt-get install postgresql"),
            "{err}"
        );
    }
}
