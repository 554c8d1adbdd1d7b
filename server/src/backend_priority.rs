//! The embedded cluster's backends that serve the background pool (sync, alerts) run at a
//! lower CPU priority, as the background runtime's threads do (`background_runtime.rs`): a
//! sync's statements then take the CPU that page queries leave. Only for the embedded
//! cluster, whose processes are this machine's and this user's (or, as root, the `postgres`
//! account's); a backend of a server named by DATABASE_URL is not ours to touch.

use std::path::Path;

/// Nice value of the background pool's backends.
const NICE: i32 = 10;

/// The postmaster's process id, from the first line of `postmaster.pid` in `data_dir`.
pub fn postmaster_pid(data_dir: &Path) -> Option<u32> {
    let text = std::fs::read_to_string(data_dir.join("postmaster.pid")).ok()?;
    text.lines().next()?.trim().parse().ok()
}

/// Lowers the priority of backend `pid`, if it is a child of `postmaster` (so a stray id can
/// never reach another process).
pub fn lower(pid: u32, postmaster: u32) {
    if parent_of(pid) != Some(postmaster) {
        tracing::debug!(
            pid,
            postmaster,
            "not a backend of the embedded cluster; priority left"
        );
        return;
    }
    #[cfg(target_os = "linux")]
    {
        // SAFETY: a plain system call on another process's id; no memory is shared.
        let done = unsafe { libc::setpriority(libc::PRIO_PROCESS, pid as libc::id_t, NICE) };
        if done != 0 {
            tracing::debug!(pid, error = %std::io::Error::last_os_error(),
                "could not lower a background backend's priority");
        }
    }
}

/// The parent process id of `pid` (field 4 of `/proc/<pid>/stat`).
fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) is in parentheses and may hold spaces.
    let after = stat.get(stat.rfind(')')? + 2..)?;
    after.split(' ').nth(1)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Nice value of process `pid` (field 19 of `/proc/<pid>/stat`).
    fn nice_of(pid: u32) -> Option<i32> {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        let after = stat.get(stat.rfind(')')? + 2..)?;
        after.split(' ').nth(16)?.parse().ok()
    }

    #[test]
    fn a_process_that_is_not_the_postmasters_child_is_left_alone() {
        let mut child = std::process::Command::new("sleep")
            .arg("5")
            .spawn()
            .unwrap();
        let pid = child.id();
        assert_eq!(parent_of(pid), Some(std::process::id()));
        let before = nice_of(pid).unwrap();
        // Named with a wrong postmaster: untouched.
        lower(pid, std::process::id() + 1);
        assert_eq!(nice_of(pid), Some(before));
        // Named with its real parent: lowered.
        lower(pid, std::process::id());
        assert_eq!(nice_of(pid), Some((before + NICE).min(19)));
        child.kill().unwrap();
        child.wait().unwrap();
    }

    #[test]
    fn the_postmaster_pid_is_the_first_line_of_its_file() {
        let dir = std::env::temp_dir().join(format!("gw-postmaster-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("postmaster.pid"),
            "4242\n/data\n1700000000\n5432\n",
        )
        .unwrap();
        assert_eq!(postmaster_pid(&dir), Some(4242));
        std::fs::write(dir.join("postmaster.pid"), "garbage\n").unwrap();
        assert_eq!(postmaster_pid(&dir), None);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(postmaster_pid(&dir), None);
    }
}
