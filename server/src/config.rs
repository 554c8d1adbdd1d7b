//! Typed configuration: defaults, then a TOML file, then `GATEWATCH_*` environment variables,
//! then `DATABASE_URL`, then command-line flags. Secrets are `SecretString`s, so they never
//! reach a log line or a `Debug` dump.

use crate::cli::ServeArgs;
use figment::providers::{Env, Format, Serialized, Toml};
use figment::Figment;
use secrecy::SecretString;
use serde::Deserialize;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
pub struct Settings {
    /// Where the HTTP server listens.
    #[serde(default = "default_listen")]
    pub listen: SocketAddr,
    /// gatewatch's own files (the embedded cluster lives in `<data_dir>/postgres`).
    #[serde(default = "default_data_dir")]
    pub data_dir: PathBuf,
    /// An existing PostgreSQL server; when absent the embedded cluster is started.
    #[serde(default)]
    pub database_url: Option<SecretString>,
    #[serde(default)]
    pub postgres: PostgresSettings,
    /// The built site (pkg/ with the WASM bundle, and the public/ files).
    #[serde(default = "default_site_root")]
    pub site_root: PathBuf,
    #[serde(default)]
    pub session: SessionSettings,
    #[serde(default)]
    pub access: AccessSettings,
    #[serde(default)]
    pub demo: DemoSettings,
    #[serde(default)]
    pub sync: SyncConfig,
    /// Alert webhooks: debounce, polling, links (`crate::alerting`).
    #[serde(default)]
    pub alerts: crate::alerting::AlertsConfig,
    /// Who may read `/metrics` (public by default; or a bearer token).
    #[serde(default)]
    pub metrics: crate::metrics::MetricsSettings,
    /// Key (base64, 32 bytes) that encrypts stored cloud credentials; default: a key file
    /// `<data_dir>/secret.key` created on first start with mode 0600.
    #[serde(default)]
    pub secret_key: Option<SecretString>,
    /// Log filter in `RUST_LOG` syntax.
    #[serde(default = "default_log")]
    pub log: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct PostgresSettings {
    /// Root of the embedded cluster's files [default: <data_dir>/postgres].
    pub data_dir: Option<PathBuf>,
    /// Directory holding `initdb` and `postgres`, when they are not found by themselves.
    pub bin_dir: Option<PathBuf>,
    /// Port of the embedded cluster on 127.0.0.1 [default: 0 = any free port].
    #[serde(default)]
    pub port: u16,
    /// Maximum connections in gatewatch's pool for pages and API requests [default: 16].
    pub max_connections: Option<u32>,
    /// Maximum connections in the background pool (sync engine, history pruning, alerts)
    /// [default: 8]. A separate pool, so a crawl's writes never keep a page waiting.
    pub background_max_connections: Option<u32>,
}

#[derive(Debug, Deserialize)]
pub struct SessionSettings {
    /// Sessions end after this many minutes without a request.
    #[serde(default = "default_idle_minutes")]
    pub idle_timeout_minutes: i64,
    /// Mark the session cookie `Secure` (HTTPS only). gatewatch itself serves plain HTTP, so
    /// this is off by default; turn it on when an HTTPS proxy fronts gatewatch.
    pub secure_cookie: Option<bool>,
}

impl Default for SessionSettings {
    fn default() -> Self {
        SessionSettings {
            idle_timeout_minutes: default_idle_minutes(),
            secure_cookie: None,
        }
    }
}

/// Who may do what without signing in, and how long a sign-in lasts.
#[derive(Debug, Default, Deserialize)]
pub struct AccessSettings {
    /// Role of visitors who have not signed in: `none` or `viewer`. Default: `viewer` while
    /// the built-in demo estate runs (a new installation shows a living dashboard), else `none`.
    pub guest_role: Option<String>,
    /// A session ends this many hours after its sign-in, however active [default: 12].
    pub absolute_timeout_hours: Option<i64>,
}

/// The built-in cloud emulator that gives a new installation a living demo estate.
#[derive(Debug, Clone, Deserialize)]
pub struct DemoSettings {
    /// Run the emulator inside the server (on 127.0.0.1, a free port).
    #[serde(default = "default_true")]
    pub enabled: bool,
    /// Seed of the generated estate.
    #[serde(default = "default_demo_seed")]
    pub seed: u64,
    /// `toy`, `demo`, `max` or `ACCOUNTS,REGIONS,GATEWAYS,CONNECTIONS`.
    #[serde(default = "default_demo_size")]
    pub size: String,
}

impl Default for DemoSettings {
    fn default() -> Self {
        DemoSettings {
            enabled: true,
            seed: default_demo_seed(),
            size: default_demo_size(),
        }
    }
}

/// The background sync that keeps the store fresh.
#[derive(Debug, Deserialize)]
pub struct SyncConfig {
    #[serde(default = "default_true")]
    pub enabled: bool,
    /// State of connections, tunnels and BGP sessions.
    #[serde(default = "default_hot")]
    pub hot_interval_secs: u64,
    /// Configuration: gateways, routes, VPC objects.
    #[serde(default = "default_cold")]
    pub cold_interval_secs: u64,
    /// Sync jobs running at once on this server.
    #[serde(default = "default_concurrency")]
    pub max_concurrency: usize,
    /// State transitions, config changes and resources gone longer than this are deleted.
    #[serde(default = "default_retention")]
    pub history_retention_days: i64,
}

impl Default for SyncConfig {
    fn default() -> Self {
        SyncConfig {
            enabled: true,
            hot_interval_secs: default_hot(),
            cold_interval_secs: default_cold(),
            max_concurrency: default_concurrency(),
            history_retention_days: default_retention(),
        }
    }
}

impl SyncConfig {
    /// The intervals and retention as the defaults of the settings an admin may change.
    pub fn defaults(&self) -> store::sync_settings::Defaults {
        let secs = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
        store::sync_settings::Defaults {
            hot_interval_secs: secs(self.hot_interval_secs),
            cold_interval_secs: secs(self.cold_interval_secs),
            history_retention_days: self.history_retention_days,
        }
    }
}

fn default_hot() -> u64 {
    30
}
fn default_cold() -> u64 {
    600
}
fn default_concurrency() -> usize {
    8
}
fn default_retention() -> i64 {
    90
}

fn default_true() -> bool {
    true
}
fn default_demo_seed() -> u64 {
    42
}
fn default_demo_size() -> String {
    "demo".into()
}

fn default_listen() -> SocketAddr {
    // `cargo leptos serve/watch` announces its address in LEPTOS_SITE_ADDR.
    std::env::var("LEPTOS_SITE_ADDR")
        .ok()
        .and_then(|a| a.parse().ok())
        .unwrap_or_else(|| ([127, 0, 0, 1], 3000).into())
}
fn default_data_dir() -> PathBuf {
    PathBuf::from("data")
}
fn default_site_root() -> PathBuf {
    PathBuf::from(std::env::var("LEPTOS_SITE_ROOT").unwrap_or_else(|_| "target/site".into()))
}
fn default_log() -> String {
    std::env::var("RUST_LOG").unwrap_or_else(|_| "info,sqlx=warn,tower_sessions=warn".into())
}
fn default_idle_minutes() -> i64 {
    8 * 60
}

/// Flags given on the command line, layered last.
#[derive(serde::Serialize)]
struct FlagOverrides {
    #[serde(skip_serializing_if = "Option::is_none")]
    listen: Option<SocketAddr>,
    #[serde(skip_serializing_if = "Option::is_none")]
    data_dir: Option<PathBuf>,
}

impl Settings {
    /// Loads the settings; a missing explicit config file or a bad value is an error naming
    /// the key and where it came from.
    pub fn load(config: Option<&Path>, flags: &ServeArgs) -> Result<Self, String> {
        let mut figment = Figment::new();
        match config {
            Some(path) if !path.is_file() => {
                return Err(format!("config file {} does not exist", path.display()))
            }
            Some(path) => figment = figment.merge(Toml::file_exact(path)),
            None if Path::new("gatewatch.toml").is_file() => {
                figment = figment.merge(Toml::file_exact("gatewatch.toml"))
            }
            None => {}
        }
        figment = figment
            .merge(Env::prefixed("GATEWATCH_").split("__").ignore(&["config"]))
            .merge(Env::raw().only(&["DATABASE_URL"]))
            .merge(Serialized::defaults(FlagOverrides {
                listen: flags.listen,
                data_dir: flags.data_dir.clone(),
            }));
        let mut settings: Settings = figment
            .extract()
            .map_err(|e| format!("invalid configuration: {e}"))?;
        if settings
            .database_url
            .as_ref()
            .is_some_and(|u| secrecy::ExposeSecret::expose_secret(u).trim().is_empty())
        {
            settings.database_url = None;
        }
        if settings.demo.enabled {
            crate::emulator_cmd::parse_size(&settings.demo.size)
                .map_err(|e| format!("invalid configuration: demo.size: {e}"))?;
        }
        if settings.sync.history_retention_days <= 0 {
            return Err(
                "invalid configuration: sync.history_retention_days must be positive".into(),
            );
        }
        if settings.sync.hot_interval_secs == 0 || settings.sync.cold_interval_secs == 0 {
            return Err("invalid configuration: sync intervals must be at least 1 second".into());
        }
        settings.alerts.validate()?;
        settings.guest_role()?;
        if settings
            .access
            .absolute_timeout_hours
            .is_some_and(|h| h <= 0)
        {
            return Err(
                "invalid configuration: access.absolute_timeout_hours must be positive".into(),
            );
        }
        if settings.session.idle_timeout_minutes <= 0 {
            return Err(
                "invalid configuration: session.idle_timeout_minutes must be positive".into(),
            );
        }
        Ok(settings)
    }

    /// The guest role after defaults: `Ok(None)` means visitors must sign in.
    pub fn guest_role(&self) -> Result<Option<auth::Role>, String> {
        match self.access.guest_role.as_deref().map(str::trim) {
            None => Ok(self.demo.enabled.then_some(auth::Role::Viewer)),
            Some("none") => Ok(None),
            Some(other) => match other.parse::<auth::Role>() {
                Ok(auth::Role::Viewer) => Ok(Some(auth::Role::Viewer)),
                _ => Err(format!(
                    "invalid configuration: access.guest_role {other:?}: expected none or viewer"
                )),
            },
        }
    }

    pub fn access_policy(&self) -> app::access::guard::AccessPolicy {
        app::access::guard::AccessPolicy {
            guest_role: self.guest_role().unwrap_or(None),
            absolute_timeout: chrono::Duration::hours(
                self.access.absolute_timeout_hours.unwrap_or(12),
            ),
        }
    }

    pub fn embedded_root(&self) -> PathBuf {
        self.postgres
            .data_dir
            .clone()
            .unwrap_or_else(|| self.data_dir.join("postgres"))
    }

    pub fn secure_cookie(&self) -> bool {
        self.session.secure_cookie.unwrap_or(false)
    }
}
