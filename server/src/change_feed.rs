//! One poll per server process of "has the sync stored anything new?", fanned out to every open
//! live page and wall through a watch channel. It reads PostgreSQL, not the local engine, so
//! changes crawled by another replica reach this replica's screens too.

use sqlx::PgPool;
use std::time::Duration;
use tokio::sync::watch;

/// How often the database is asked; screens update at most this much after a sync write.
pub const POLL_EVERY: Duration = Duration::from_secs(2);

pub struct ChangeFeed {
    pub receiver: watch::Receiver<u64>,
    task: tokio::task::JoinHandle<()>,
}

impl ChangeFeed {
    pub fn start(pool: PgPool, every: Duration) -> Self {
        let (sender, receiver) = watch::channel(0u64);
        let task = tokio::spawn(run(pool, every, sender));
        ChangeFeed { receiver, task }
    }

    pub fn stop(self) {
        self.task.abort();
    }

    /// Ends the feed early: every open event stream sees the channel close and finishes, so
    /// a graceful shutdown is not held up by browsers that keep their streams open.
    pub fn closer(&self) -> tokio::task::AbortHandle {
        self.task.abort_handle()
    }
}

/// The newest successful sync write and the newest state transition: either moving means the
/// stored picture changed.
async fn stamp(
    pool: &PgPool,
) -> Result<(Option<chrono::DateTime<chrono::Utc>>, Option<i64>), sqlx::Error> {
    sqlx::query_as(
        "SELECT (SELECT max(last_success_at) FROM sync_freshness),
                (SELECT max(id) FROM state_transition)",
    )
    .fetch_one(pool)
    .await
}

async fn run(pool: PgPool, every: Duration, sender: watch::Sender<u64>) {
    let mut last = None;
    let mut ticker = tokio::time::interval(every);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticker.tick().await;
        match stamp(&pool).await {
            Ok(now) if Some(now) != last => {
                if last.is_some() {
                    sender.send_modify(|n| *n += 1);
                }
                last = Some(now);
            }
            Ok(_) => {}
            // The database is down: the screens keep their data and their staleness banner;
            // the next successful poll resumes the feed.
            Err(e) => tracing::debug!(error = %e, "change feed poll failed"),
        }
    }
}
