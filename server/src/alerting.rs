//! Wiring for alert webhooks: the `[alerts]` configuration section, checked at start-up, and
//! the dispatcher task (the rules and the sending live in the `alerts` crate).
//!
//! ```toml
//! [alerts]
//! enabled = true              # run the dispatcher on this server (any number may)
//! debounce_secs = 60          # a state must hold this long before it is alerted
//! flap_window_secs = 300      # changes inside this window count towards "flapping"
//! flap_threshold = 4          # this many changes make a resource flapping (one alert)
//! poll_interval_secs = 5      # how often new state changes are looked at
//! timeout_secs = 10           # limit of one webhook request
//! max_attempts = 5            # tries per delivery (5xx, 429, timeouts) before giving up
//! public_url = "https://gatewatch.example.com"   # base of the links in alerts (default:
//!                                                # http://<listen>, none on 0.0.0.0)
//! ```

use serde::Deserialize;
use sqlx::PgPool;
use std::sync::Arc;
use std::time::Duration;
use store::crypto::KeyRing;
use tokio::sync::watch;

#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AlertsConfig {
    pub enabled: bool,
    pub debounce_secs: u64,
    pub flap_window_secs: u64,
    pub flap_threshold: u32,
    pub poll_interval_secs: u64,
    pub timeout_secs: u64,
    pub max_attempts: u32,
    /// Default: `http://<listen address>` (none when listening on a wildcard address).
    pub public_url: Option<String>,
}

impl Default for AlertsConfig {
    fn default() -> Self {
        AlertsConfig {
            enabled: true,
            debounce_secs: 60,
            flap_window_secs: 300,
            flap_threshold: 4,
            poll_interval_secs: 5,
            timeout_secs: 10,
            max_attempts: 5,
            public_url: None,
        }
    }
}

fn within(name: &str, v: u64, lo: u64, hi: u64) -> Result<(), String> {
    if (lo..=hi).contains(&v) {
        Ok(())
    } else {
        Err(format!(
            "invalid configuration: alerts.{name} = {v}: must be between {lo} and {hi}"
        ))
    }
}

impl AlertsConfig {
    /// Checks every value; the error names the key and the allowed range.
    pub fn validate(&self) -> Result<(), String> {
        within("debounce_secs", self.debounce_secs, 1, 86_400)?;
        within("flap_window_secs", self.flap_window_secs, 1, 86_400)?;
        if self.flap_window_secs < self.debounce_secs {
            return Err(format!(
                "invalid configuration: alerts.flap_window_secs ({}) must be at least alerts.debounce_secs ({})",
                self.flap_window_secs, self.debounce_secs
            ));
        }
        within("flap_threshold", self.flap_threshold.into(), 2, 1000)?;
        within("poll_interval_secs", self.poll_interval_secs, 1, 3600)?;
        within("timeout_secs", self.timeout_secs, 1, 120)?;
        within("max_attempts", self.max_attempts.into(), 1, 20)?;
        if let Some(url) = &self.public_url {
            match url::Url::parse(url) {
                Ok(u) if matches!(u.scheme(), "http" | "https") => {}
                _ => {
                    return Err(format!(
                        "invalid configuration: alerts.public_url {url:?}: expected an http(s) URL such as https://gatewatch.example.com"
                    ))
                }
            }
        }
        Ok(())
    }

    /// The crate's settings; `listen` gives the links' base when `public_url` is unset.
    pub fn settings(&self, listen: std::net::SocketAddr) -> alerts::Settings {
        alerts::Settings {
            policy: alerts::Policy {
                debounce: chrono::Duration::seconds(self.debounce_secs as i64),
                flap_window: chrono::Duration::seconds(self.flap_window_secs as i64),
                flap_threshold: self.flap_threshold as usize,
            },
            poll_interval: Duration::from_secs(self.poll_interval_secs),
            timeout: Duration::from_secs(self.timeout_secs),
            max_attempts: self.max_attempts as i32,
            // Without a public URL, the listen address makes the links, unless it is a
            // wildcard (0.0.0.0 is no address a reader can open): then alerts carry none.
            public_url: self
                .public_url
                .clone()
                .or_else(|| (!listen.ip().is_unspecified()).then(|| format!("http://{listen}"))),
            ..alerts::Settings::default()
        }
    }
}

/// The handle the admin page uses (always there, so webhooks can be managed and tested even
/// on a server that does not run the dispatcher).
pub fn handle(
    pool: PgPool,
    keys: Arc<KeyRing>,
    settings: &crate::config::Settings,
) -> Arc<alerts::Alerts> {
    alerts::Alerts::new(pool, keys, settings.alerts.settings(settings.listen))
}

/// The running dispatcher.
pub struct AlertsTask {
    stop: watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
}

pub fn start(handle: Arc<alerts::Alerts>) -> AlertsTask {
    let (stop, stopped) = watch::channel(false);
    let task = tokio::spawn(handle.run(stopped));
    AlertsTask { stop, task }
}

impl AlertsTask {
    /// Stops after the round in progress (a send in flight ends within its timeout).
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        let _ = self.task.await;
    }
}

#[cfg(test)]
mod tests {
    use super::AlertsConfig;

    #[test]
    fn bad_values_are_named() {
        let mut c = AlertsConfig::default();
        assert!(c.validate().is_ok());
        c.debounce_secs = 0;
        assert!(c
            .validate()
            .unwrap_err()
            .contains("alerts.debounce_secs = 0"));
        c.debounce_secs = 600;
        assert!(c
            .validate()
            .unwrap_err()
            .contains("alerts.flap_window_secs (300)"));
        c = AlertsConfig {
            public_url: Some("gatewatch.local".into()),
            ..AlertsConfig::default()
        };
        assert!(c.validate().unwrap_err().contains("alerts.public_url"));
    }
}
