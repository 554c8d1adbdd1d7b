//! The signal that starts a graceful shutdown: Ctrl-C (SIGINT) or SIGTERM (service managers).
//!
//! The listeners are registered when `run` starts, not when the server first polls the
//! shutdown future. Registered lazily (inside axum's graceful-shutdown task), a SIGTERM that
//! came between tokio installing the handler and subscribing the listener was broadcast to
//! nobody and lost: the server went on serving for good. That happened once in CI, where a
//! test sent SIGTERM as soon as `/healthz` answered and the task had been preempted right
//! there. Registered up front, a signal is never lost, and one that comes while the server is
//! still starting stops the start-up (`run` races it against the signal).

use tokio::signal::unix::{signal, Signal, SignalKind};

pub struct ShutdownSignal {
    interrupt: Signal,
    terminate: Signal,
}

impl ShutdownSignal {
    /// Starts listening for SIGINT and SIGTERM; from here on neither ends the process
    /// abruptly. Must be called from within a tokio runtime.
    pub fn listen() -> std::io::Result<Self> {
        Ok(ShutdownSignal {
            interrupt: signal(SignalKind::interrupt())?,
            terminate: signal(SignalKind::terminate())?,
        })
    }

    /// Resolves at the first SIGINT or SIGTERM received since `listen` (or since the previous
    /// call resolved); cancel-safe, so it can be raced in `select!` and awaited again.
    pub async fn received(&mut self) {
        tokio::select! {
            _ = self.interrupt.recv() => tracing::info!("SIGINT received, shutting down"),
            _ = self.terminate.recv() => tracing::info!("SIGTERM received, shutting down"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test]
    async fn a_signal_received_before_anyone_waits_is_kept() {
        let mut shutdown = ShutdownSignal::listen().unwrap();
        // SAFETY: sends a signal to this very process, whose handler `listen` installed.
        assert_eq!(unsafe { libc::kill(libc::getpid(), libc::SIGTERM) }, 0);
        // Let the runtime's driver take the signal in before anything waits for it.
        tokio::time::sleep(Duration::from_millis(100)).await;
        tokio::time::timeout(Duration::from_secs(10), shutdown.received())
            .await
            .expect("the SIGTERM sent before waiting ends the wait");
    }
}
