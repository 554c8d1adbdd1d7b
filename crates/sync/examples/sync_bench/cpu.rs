//! CPU time used by this process and everything it started (the embedded PostgreSQL and its
//! backends), from `/proc`: the engine, the emulator and the database share the machine's
//! cores, so when their CPU time divided by the cores comes near the wall time, the machine,
//! not the quotas or the latency, is what the sync waits for.

use std::collections::HashMap;

/// Seconds of CPU (user + system) used so far: (this process, its descendants). Descendants
/// count their own time and that of the descendants they have already reaped (the backends
/// the postmaster has waited for).
pub fn tree_seconds() -> (f64, f64) {
    let procs = read_all();
    let me = std::process::id();
    let own = procs.get(&me).map_or(0, |p| p.own);
    let mut descendants: u64 = 0;
    let mut stack: Vec<u32> = children(&procs, me);
    while let Some(pid) = stack.pop() {
        if let Some(p) = procs.get(&pid) {
            descendants += p.own + p.reaped;
        }
        stack.extend(children(&procs, pid));
    }
    (
        own as f64 / clock_ticks(),
        descendants as f64 / clock_ticks(),
    )
}

fn children(procs: &HashMap<u32, Proc>, parent: u32) -> Vec<u32> {
    procs
        .values()
        .filter(|p| p.ppid == parent)
        .map(|p| p.pid)
        .collect()
}

/// Online CPUs.
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

struct Proc {
    pid: u32,
    ppid: u32,
    /// utime + stime, in clock ticks.
    own: u64,
    /// cutime + cstime: children already waited for.
    reaped: u64,
}

fn read_all() -> HashMap<u32, Proc> {
    let mut out = HashMap::new();
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return out;
    };
    for entry in dir.flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|s| s.parse().ok()) else {
            continue;
        };
        if let Some(p) = std::fs::read_to_string(entry.path().join("stat"))
            .ok()
            .and_then(|s| parse_stat(pid, &s))
        {
            out.insert(pid, p);
        }
    }
    out
}

/// Fields after the `(comm)`, which may itself hold spaces: state ppid … utime(14) stime(15)
/// cutime(16) cstime(17), numbered from 1 as in proc(5).
fn parse_stat(pid: u32, stat: &str) -> Option<Proc> {
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let num = |i: usize| f.get(i - 3).and_then(|v| v.parse::<u64>().ok());
    Some(Proc {
        pid,
        ppid: num(4)? as u32,
        own: num(14)? + num(15)?,
        reaped: num(16)? + num(17)?,
    })
}

/// `/proc` reports in USER_HZ, which the Linux ABI fixes at 100 on every architecture it
/// runs on here.
fn clock_ticks() -> f64 {
    100.0
}

/// The 1-minute load average: the machine is shared, and other work on it slows every figure.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "unknown".into())
}

/// Seconds of CPU used so far by this process's threads whose name starts with `prefix`.
pub fn threads_seconds(prefix: &str) -> f64 {
    let Ok(dir) = std::fs::read_dir("/proc/self/task") else {
        return 0.0;
    };
    let ticks: u64 = dir
        .flatten()
        .filter(|t| {
            std::fs::read_to_string(t.path().join("comm"))
                .is_ok_and(|name| name.trim_end().starts_with(prefix))
        })
        .filter_map(|t| std::fs::read_to_string(t.path().join("stat")).ok())
        .filter_map(|s| parse_stat(0, &s))
        .map(|p| p.own)
        .sum();
    ticks as f64 / clock_ticks()
}
