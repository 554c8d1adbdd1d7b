//! Which OS account runs the embedded PostgreSQL. `initdb` and `postgres` refuse to run as
//! root, so when gatewatch itself runs as root (CI, containers) the cluster is run as the
//! `postgres` system user, in a directory that user owns. As an ordinary user, as that user.

use crate::PgError;
use std::ffi::CString;
use std::path::Path;
use std::process::Command;

/// The account to switch to before exec'ing a PostgreSQL program; `None` means "stay as we are".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RunAs {
    pub uid: u32,
    pub gid: u32,
}

/// The account to run PostgreSQL as, given our effective uid.
pub fn choose() -> Result<Option<RunAs>, PgError> {
    // SAFETY: geteuid has no preconditions and cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        return Ok(None);
    }
    lookup("postgres").map(Some).ok_or_else(|| {
        PgError::Root(
            "no `postgres` system user exists to run it as; create one (`useradd --system \
             postgres`), run gatewatch as an ordinary user, or set DATABASE_URL"
                .into(),
        )
    })
}

fn lookup(name: &str) -> Option<RunAs> {
    let cname = CString::new(name).ok()?;
    // SAFETY: getpwnam returns NULL or a pointer to a static passwd record, which we read at
    // once; start-up is single-threaded with respect to other getpw* callers.
    let pw = unsafe { libc::getpwnam(cname.as_ptr()) };
    if pw.is_null() {
        return None;
    }
    // SAFETY: pw is non-null and points to a valid passwd struct (see above).
    let (uid, gid) = unsafe { ((*pw).pw_uid, (*pw).pw_gid) };
    Some(RunAs { uid, gid })
}

/// Configures `cmd` to run as `run_as` (when set), in its own process group (so a Ctrl-C in
/// the terminal reaches gatewatch, which then stops PostgreSQL in order, not both at once), and
/// to receive SIGTERM if gatewatch dies without stopping it, so no orphan is left behind.
pub fn prepare(cmd: &mut Command, run_as: Option<RunAs>) {
    use std::os::unix::process::CommandExt;
    if let Some(RunAs { uid, gid }) = run_as {
        // std also drops root's supplementary groups (setgroups(0)) when uid is set.
        cmd.uid(uid).gid(gid);
    }
    cmd.process_group(0);
    // SAFETY: prctl(PR_SET_PDEATHSIG) is async-signal-safe and only affects the child.
    unsafe {
        cmd.pre_exec(|| {
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM);
            Ok(())
        });
    }
}

/// Whether `run_as` can enter `dir` (every ancestor must be searchable by that user), checked
/// by asking the kernel as that user rather than by re-implementing permission rules.
pub fn can_enter(dir: &Path, run_as: Option<RunAs>) -> bool {
    let Some(run_as) = run_as else { return true };
    let mut cmd = Command::new("test");
    cmd.arg("-x").arg(dir);
    prepare(&mut cmd, Some(run_as));
    cmd.status().map(|s| s.success()).unwrap_or(false)
}
