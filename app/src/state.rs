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
    /// The built-in cloud emulator, when this server runs one (demo mode).
    pub demo_cloud: Option<crate::api::system::DemoCloud>,
}
