//! The real `gatewatch` binary as a child process: started on a free port against a test
//! database, asked for `/healthz`, stopped with SIGTERM, its memory read from /proc.

use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

pub struct Gatewatch {
    pub child: Child,
    pub addr: String,
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Gatewatch {
    /// Starts `serve` with sync cycles of 1 s and no demo estate, on `database_url`.
    pub fn start(database_url: &str, key: &str, data: &Path, env: &[(&str, &str)]) -> Gatewatch {
        let addr = format!("127.0.0.1:{}", free_port());
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_gatewatch"));
        cmd.args(["--listen", &addr, "--data-dir", data.to_str().unwrap()])
            .env("DATABASE_URL", database_url)
            .env("GATEWATCH_SECRET_KEY", key)
            .env("GATEWATCH_DEMO__ENABLED", "false")
            .env("GATEWATCH_SYNC__HOT_INTERVAL_SECS", "1")
            .env("GATEWATCH_SYNC__COLD_INTERVAL_SECS", "1")
            .env("RUST_LOG", "error")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        for (k, v) in env {
            cmd.env(k, v);
        }
        Gatewatch {
            child: cmd.spawn().unwrap(),
            addr,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Resident memory, KiB (VmRSS of /proc/<pid>/status).
    pub fn rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap()
    }

    /// SIGTERM, as a service manager sends it; waits for the exit up to `limit`.
    pub async fn terminate(mut self, limit: Duration) -> (ExitStatus, Duration) {
        let started = Instant::now();
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return (status, started.elapsed());
            }
            if started.elapsed() > limit {
                let _ = self.child.kill();
                panic!("gatewatch did not stop within {limit:?} of SIGTERM");
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }
}

impl Drop for Gatewatch {
    fn drop(&mut self) {
        // A failed assertion must not leave a server running.
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
