//! The handle the server holds ([`Alerts`]) and the loop it runs: every poll interval, one
//! decision round and one send round. Any number of servers may run it on one database (see
//! [`crate::decide`] and [`crate::deliver`] for why nothing is decided or sent twice).

use crate::alert::Alert;
use crate::payload::Format;
use crate::policy::Policy;
use crate::post::Outcome;
use crate::{Error, Result};
use chrono::{DateTime, Utc};
use sqlx::PgPool;
use std::sync::Arc;
use std::time::Duration;
use store::crypto::KeyRing;
use tokio::sync::watch;
use uuid::Uuid;

/// How the dispatcher behaves (the server's `[alerts]` section).
#[derive(Debug, Clone)]
pub struct Settings {
    pub policy: Policy,
    /// Time between rounds.
    pub poll_interval: Duration,
    /// Limit of one webhook request (connect and answer).
    pub timeout: Duration,
    /// Attempts per delivery before it is marked failed.
    pub max_attempts: i32,
    /// Base of the links in alerts (e.g. `https://gatewatch.example.com`).
    pub public_url: Option<String>,
    /// Finished deliveries older than this are deleted.
    pub log_retention: chrono::Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            policy: Policy::default(),
            poll_interval: Duration::from_secs(5),
            timeout: Duration::from_secs(10),
            max_attempts: 5,
            public_url: None,
            log_retention: chrono::Duration::days(30),
        }
    }
}

/// What a round did (decisions and sends).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tick {
    pub decided: crate::decide::Round,
    pub sent: crate::deliver::Sent,
}

/// Shared by the dispatcher and the admin page: the key ring that seals webhook URLs, one
/// HTTP client (no redirects: a 3xx from a webhook is an answer, and following it could send
/// the alert somewhere unexpected) and the settings.
pub struct Alerts {
    pub pool: PgPool,
    pub keys: Arc<KeyRing>,
    pub http: reqwest::Client,
    pub settings: Settings,
}

impl Alerts {
    pub fn new(pool: PgPool, keys: Arc<KeyRing>, settings: Settings) -> Arc<Alerts> {
        let http = reqwest::Client::builder()
            .timeout(settings.timeout)
            .connect_timeout(settings.timeout)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("gatewatch-alerts/", env!("CARGO_PKG_VERSION")))
            .build()
            .expect("a reqwest client with rustls builds");
        Arc::new(Alerts {
            pool,
            keys,
            http,
            settings,
        })
    }

    /// One decision round and one send round at `now` (tests pass a time past the debounce).
    pub async fn tick(&self, now: DateTime<Utc>) -> Result<Tick> {
        let s = &self.settings;
        let decided =
            crate::decide::round(&self.pool, &s.policy, now, s.public_url.as_deref()).await?;
        let sent =
            crate::deliver::round(&self.pool, &self.keys, &self.http, now, s.max_attempts).await?;
        Ok(Tick { decided, sent })
    }

    /// Posts a test alert to one webhook now (enabled or not), logs it, and says what the
    /// receiver answered.
    pub async fn send_test(&self, webhook: Uuid) -> Result<Outcome> {
        let hook = crate::webhooks::get(&self.pool, webhook)
            .await?
            .ok_or(Error::NotFound)?;
        let alert = Alert::test(Utc::now());
        let format: Format = hook.format;
        let outcome =
            crate::deliver::send(&self.pool, &self.keys, &self.http, webhook, &alert, format).await;
        crate::deliver::record_test(&self.pool, webhook, &alert, &outcome).await?;
        Ok(outcome)
    }

    /// Rounds every poll interval until `stop` turns true; prunes the log hourly. Errors
    /// (the database restarting) are logged and the next round tries again.
    pub async fn run(self: Arc<Self>, mut stop: watch::Receiver<bool>) {
        let mut last_prune: Option<std::time::Instant> = None;
        loop {
            match self.tick(Utc::now()).await {
                Ok(t) if t.decided.alerts > 0 || t.sent != Default::default() => {
                    tracing::info!(?t, "alert round")
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "alert round failed; retrying"),
            }
            if last_prune.is_none_or(|t| t.elapsed() > Duration::from_secs(3600)) {
                let cutoff = Utc::now() - self.settings.log_retention;
                match crate::deliveries::prune(&self.pool, cutoff).await {
                    Ok(n) => tracing::debug!(deleted = n, "alert deliveries pruned"),
                    Err(e) => tracing::warn!(error = %e, "alert log pruning failed"),
                }
                last_prune = Some(std::time::Instant::now());
            }
            tokio::select! {
                _ = tokio::time::sleep(self.settings.poll_interval) => {}
                _ = stop.changed() => break,
            }
        }
    }
}
