//! Server-side state handed to every route and server function (`expect_context::<AppState>()`).

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use sqlx::PgPool;

/// Which PostgreSQL the server uses; shown on the settings page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DatabaseKind {
    /// The private cluster the server started from the system's binaries.
    Embedded { data_dir: String },
    /// A server named by `DATABASE_URL`.
    External,
}

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: PgPool,
    pub database: DatabaseKind,
    /// This server process's row in `server_instance`.
    pub instance_id: uuid::Uuid,
    /// What else this server runs besides the web pages.
    pub services: Services,
    /// Who may do what without signing in, and how long a session lives.
    pub access: crate::access::guard::AccessPolicy,
    /// Sign-in attempt limits (per user name and per address).
    pub login_limiter: std::sync::Arc<auth::limiter::LoginLimiter>,
    /// Ticks whenever the sync stores new data (any server instance's sync: it is read from
    /// PostgreSQL); live pages and walls listen to it.
    pub changes: tokio::sync::watch::Receiver<u64>,
    /// The configuration file's sync intervals and retention: the defaults an admin's
    /// settings (`store::sync_settings`) override.
    pub sync_defaults: store::sync_settings::Defaults,
}

/// The background parts a server may run, each optional (tests run without them).
#[derive(Clone, Default)]
pub struct Services {
    /// The built-in cloud emulator (demo mode).
    pub demo_cloud: Option<crate::api::system::DemoCloud>,
    /// The sync engine that keeps the store fresh.
    pub sync: Option<std::sync::Arc<sync::Engine>>,
    /// Alert webhooks: the key ring and HTTP client the admin page adds and tests them with.
    pub alerts: Option<std::sync::Arc<alerts::Alerts>>,
    /// The key that seals cloud credentials (accounts can be added or edited only with it).
    pub keys: Option<std::sync::Arc<store::crypto::KeyRing>>,
}
