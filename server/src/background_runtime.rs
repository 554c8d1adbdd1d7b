//! The runtime the background work runs on (the sync engine, the alert rounds and, in demo
//! mode, the built-in cloud emulator), apart from the one that serves pages, its threads at a
//! lower CPU priority.
//!
//! On one runtime, a sync job parsing a cloud response or comparing a few thousand stored
//! rows held a worker thread for tens of milliseconds without yielding, and the page views
//! queued on that thread waited: the connections page's p99 at 32 clients went from 35 ms to
//! 65-77 ms while the sync ran at its defaults, though it used about a twentieth of the
//! machine (BENCH-ssr.md, session 8). On its own threads at nice 10, the kernel gives the
//! page threads the CPU first and the sync what is left, which is plenty.

use std::future::Future;
use tokio::runtime::{Builder, Handle, Runtime};

/// Nice value of the background threads (0 is normal, 19 the lowest priority).
const NICE: i32 = 10;

pub struct BackgroundRuntime {
    runtime: Option<Runtime>,
}

impl BackgroundRuntime {
    /// As many worker threads as the machine has cores: the background work may use every
    /// idle one.
    pub fn start() -> std::io::Result<Self> {
        let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
        let runtime = Builder::new_multi_thread()
            .worker_threads(workers)
            .thread_name("gw-background")
            .on_thread_start(lower_priority)
            .enable_all()
            .build()?;
        Ok(BackgroundRuntime {
            runtime: Some(runtime),
        })
    }

    pub fn handle(&self) -> &Handle {
        self.runtime
            .as_ref()
            .expect("the runtime lives until the value is dropped")
            .handle()
    }

    /// Runs `work` on the background runtime (and whatever it spawns with it) and waits for
    /// its result from wherever this is awaited.
    pub async fn run<T: Send + 'static>(
        &self,
        work: impl Future<Output = T> + Send + 'static,
    ) -> T {
        match self.handle().spawn(work).await {
            Ok(out) => out,
            Err(e) => std::panic::resume_unwind(e.into_panic()),
        }
    }
}

impl Drop for BackgroundRuntime {
    /// Whatever is still running there is abandoned (the caller stopped what it started
    /// first); `shutdown_background` may be called from async code, unlike a plain drop.
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

/// Lowers the calling thread's priority: on Linux a nice value belongs to the thread.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: plain system calls on the calling thread's own id; no memory is shared.
        let done = unsafe {
            let tid = libc::gettid();
            libc::setpriority(libc::PRIO_PROCESS, tid as libc::id_t, NICE)
        };
        if done != 0 {
            tracing::debug!(
                error = %std::io::Error::last_os_error(),
                "could not lower a background thread's priority"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nice_of_this_thread() -> i32 {
        let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap();
        // Field 19 (nice), counted after the command name in parentheses.
        let after = &stat[stat.rfind(')').unwrap() + 2..];
        after.split(' ').nth(16).unwrap().parse().unwrap()
    }

    #[tokio::test]
    async fn background_work_runs_on_lowered_threads_and_returns_its_result() {
        let background = BackgroundRuntime::start().unwrap();
        let base = nice_of_this_thread();
        let (nice, name) = background
            .run(async {
                let nice = nice_of_this_thread();
                // Spawned from there, it stays there.
                let name = tokio::spawn(async { std::thread::current().name().map(str::to_owned) })
                    .await
                    .unwrap();
                (nice, name)
            })
            .await;
        assert_eq!(nice, (base + NICE).min(19));
        assert_eq!(name.as_deref(), Some("gw-background"));
    }
}
