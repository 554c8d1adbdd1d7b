//! The files of the embedded cluster under gatewatch's data directory:
//!
//! ```text
//! <data dir>/postgres/cluster/    PGDATA (owned by the account that runs PostgreSQL, 0700)
//! <data dir>/postgres/password    the generated superuser password (0600, ours)
//! <data dir>/postgres/server.log  PostgreSQL's own log
//! ```
//!
//! Nothing here ever deletes or rewrites an existing cluster: a directory that is not a cluster,
//! or a cluster of another major version, is an error that names it.

use crate::account::{self, RunAs};
use crate::PgError;
use std::fs;
use std::os::unix::fs::{chown, PermissionsExt};
use std::path::{Path, PathBuf};

#[derive(Clone, Debug)]
pub struct Layout {
    pub root: PathBuf,
    pub cluster: PathBuf,
    pub password_file: PathBuf,
    pub log_file: PathBuf,
}

#[derive(Debug, PartialEq, Eq)]
pub enum ClusterState {
    /// No cluster yet: initdb will create one.
    Missing,
    /// A cluster made by this major version of PostgreSQL.
    Existing { major: String },
}

impl Layout {
    pub fn under(root: &Path) -> Self {
        Layout {
            root: root.to_path_buf(),
            cluster: root.join("cluster"),
            password_file: root.join("password"),
            log_file: root.join("server.log"),
        }
    }

    /// Creates the directories, proves they are writable, and hands the cluster directory to
    /// the account that runs PostgreSQL.
    pub fn prepare(root: &Path, run_as: Option<RunAs>) -> Result<Self, PgError> {
        let layout = Layout::under(root);
        let fail = |reason: String| PgError::DataDir {
            path: root.to_path_buf(),
            reason,
        };
        fs::create_dir_all(&layout.root).map_err(|e| fail(format!("cannot create it ({e})")))?;
        let probe = layout.root.join(".write-test");
        fs::write(&probe, b"gatewatch").map_err(|e| fail(format!("cannot write in it ({e})")))?;
        let _ = fs::remove_file(&probe);
        if let Some(RunAs { uid, gid }) = run_as {
            // The postgres account must be able to enter the root to reach the cluster.
            fs::set_permissions(&layout.root, fs::Permissions::from_mode(0o755))
                .map_err(|e| fail(format!("cannot set its permissions ({e})")))?;
            if !account::can_enter(&layout.root, run_as) {
                return Err(PgError::Unreachable {
                    path: root.to_path_buf(),
                });
            }
            if !layout.cluster.exists() {
                fs::create_dir(&layout.cluster)
                    .map_err(|e| fail(format!("cannot create the cluster directory ({e})")))?;
                chown(&layout.cluster, Some(uid), Some(gid)).map_err(|e| {
                    fail(format!(
                        "cannot hand the cluster directory to postgres ({e})"
                    ))
                })?;
                fs::set_permissions(&layout.cluster, fs::Permissions::from_mode(0o700))
                    .map_err(|e| fail(format!("cannot set the cluster's permissions ({e})")))?;
            }
        }
        Ok(layout)
    }

    /// What is in the cluster directory now.
    pub fn inspect(&self) -> Result<ClusterState, PgError> {
        match fs::read_to_string(self.cluster.join("PG_VERSION")) {
            Ok(v) => Ok(ClusterState::Existing {
                major: v.trim().to_string(),
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let empty = match fs::read_dir(&self.cluster) {
                    Ok(mut entries) => entries.next().is_none(),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
                    Err(e) => {
                        return Err(PgError::DataDir {
                            path: self.cluster.clone(),
                            reason: format!("cannot read it ({e})"),
                        })
                    }
                };
                if empty {
                    Ok(ClusterState::Missing)
                } else {
                    Err(PgError::NotACluster {
                        path: self.cluster.clone(),
                    })
                }
            }
            Err(e) => Err(PgError::DataDir {
                path: self.cluster.clone(),
                reason: format!("cannot read PG_VERSION ({e})"),
            }),
        }
    }
}

/// The last `lines` lines of a log file, for error messages.
pub fn tail(path: &Path, lines: usize) -> String {
    let text = fs::read_to_string(path).unwrap_or_default();
    let all: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    all[all.len().saturating_sub(lines)..].join(" | ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A path that does not exist yet, under the tests' scratch directory (which later test
    /// runs clear once this process is gone; these used to pile up in /tmp).
    fn scratch(name: &str) -> PathBuf {
        crate::testing::scratch_dir("layout").join(name)
    }

    #[test]
    fn a_fresh_directory_has_no_cluster() {
        let root = scratch("fresh");
        let layout = Layout::prepare(&root, None).unwrap();
        assert_eq!(layout.inspect().unwrap(), ClusterState::Missing);
    }

    #[test]
    fn a_foreign_directory_is_refused_and_left_alone() {
        let root = scratch("foreign");
        fs::create_dir_all(root.join("cluster")).unwrap();
        fs::write(root.join("cluster/notes.txt"), "mine").unwrap();
        let err = Layout::prepare(&root, None).unwrap().inspect().unwrap_err();
        assert!(matches!(err, PgError::NotACluster { .. }), "{err}");
        assert_eq!(
            fs::read_to_string(root.join("cluster/notes.txt")).unwrap(),
            "mine"
        );
    }

    #[test]
    fn the_cluster_version_is_read_from_pg_version() {
        let root = scratch("versioned");
        fs::create_dir_all(root.join("cluster")).unwrap();
        fs::write(root.join("cluster/PG_VERSION"), "17\n").unwrap();
        let state = Layout::prepare(&root, None).unwrap().inspect().unwrap();
        assert_eq!(state, ClusterState::Existing { major: "17".into() });
    }

    #[test]
    fn an_unwritable_root_is_a_clear_error() {
        // A path below a regular file can never be created, even as root.
        let file = scratch("file");
        fs::write(&file, "x").unwrap();
        let err = Layout::prepare(&file.join("sub"), None).unwrap_err();
        assert!(err.to_string().contains("cannot create it"), "{err}");
        assert!(err.to_string().contains("GATEWATCH_DATA_DIR"), "{err}");
    }

    #[test]
    fn tail_keeps_the_last_non_empty_lines() {
        let path = scratch("log");
        fs::write(&path, "a\n\nb\nc\n").unwrap();
        assert_eq!(tail(&path, 2), "b | c");
    }
}
