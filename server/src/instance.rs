//! This process's row in `server_instance`: registered at start, refreshed by a heartbeat,
//! marked stopped at shutdown. Rows of instances long gone are pruned.

use sqlx::PgPool;
use std::time::Duration;
use tokio::sync::watch;
use uuid::Uuid;

pub const HEARTBEAT_EVERY: Duration = Duration::from_secs(10);
/// Instances silent for a day are deleted: they are history nobody needs.
const PRUNE_AFTER_SECS: f64 = 86_400.0;

pub async fn register(pool: &PgPool) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::new_v4();
    let hostname = hostname();
    sqlx::query("INSERT INTO server_instance (id, hostname, pid, version) VALUES ($1, $2, $3, $4)")
        .bind(id)
        .bind(hostname)
        .bind(std::process::id() as i32)
        .bind(env!("CARGO_PKG_VERSION"))
        .execute(pool)
        .await?;
    Ok(id)
}

/// Refreshes the heartbeat until `stop` changes, then marks the instance stopped.
pub async fn heartbeat(pool: PgPool, id: Uuid, mut stop: watch::Receiver<bool>) {
    let mut tick = tokio::time::interval(HEARTBEAT_EVERY);
    loop {
        tokio::select! {
            _ = tick.tick() => {
                let beat = sqlx::query("UPDATE server_instance SET heartbeat_at = now() WHERE id = $1")
                    .bind(id)
                    .execute(&pool)
                    .await;
                if let Err(e) = beat {
                    // The database may be restarting; the next tick tries again.
                    tracing::warn!(error = %e, "heartbeat failed");
                }
                let _ = sqlx::query("DELETE FROM server_instance WHERE heartbeat_at < now() - make_interval(secs => $1)")
                    .bind(PRUNE_AFTER_SECS)
                    .execute(&pool)
                    .await;
            }
            _ = stop.changed() => break,
        }
    }
    let _ = sqlx::query("UPDATE server_instance SET stopped_at = now() WHERE id = $1")
        .bind(id)
        .execute(&pool)
        .await;
}

fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_string())
        .ok()
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "unknown".into())
}
