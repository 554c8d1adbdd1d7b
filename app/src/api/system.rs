//! System status: which PostgreSQL the server uses, the migrations applied, and the server
//! instances sharing that database (the replicas that split the polling between them).

use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SystemStatus {
    pub postgres_version: String,
    pub database_name: String,
    /// "embedded (data dir …)" or "external (DATABASE_URL)".
    pub database_mode: String,
    pub migrations: Vec<MigrationInfo>,
    pub instances: Vec<InstanceInfo>,
    /// The built-in cloud emulator this server runs, if any.
    pub demo_cloud: Option<DemoCloud>,
    pub checked_at: DateTime<Utc>,
}

/// The built-in emulator of both clouds, run by the server when demo mode is on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoCloud {
    /// Base URL on loopback (Alibaba under `/aliyun/`, Huawei under `/huawei`).
    pub base_url: String,
    pub seed: u64,
    pub accounts: usize,
    /// IPsec connections per cloud.
    pub connections_per_cloud: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MigrationInfo {
    pub version: i64,
    pub description: String,
    pub installed_on: DateTime<Utc>,
    pub success: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InstanceInfo {
    pub id: uuid::Uuid,
    pub hostname: String,
    pub pid: i32,
    pub version: String,
    pub started_at: DateTime<Utc>,
    pub heartbeat_at: DateTime<Utc>,
    /// True for the server that answered this request.
    pub is_self: bool,
}

/// The answer to "check the database now".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DatabasePing {
    pub round_trip_ms: f64,
    pub server_time: DateTime<Utc>,
}

#[server(endpoint = "system/status")]
pub async fn get_system_status() -> Result<SystemStatus, AppError> {
    let (state, _) = crate::access::guard::require(crate::access::Role::Viewer, "read").await?;
    let mut status = ssr::system_status(&state.pool, &state.database, state.instance_id).await?;
    status.demo_cloud = state.services.demo_cloud.clone();
    Ok(status)
}

#[server(endpoint = "system/ping")]
pub async fn ping_database() -> Result<DatabasePing, AppError> {
    let (state, _) = crate::access::guard::require(crate::access::Role::Viewer, "read").await?;
    ssr::ping(&state.pool).await
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use crate::state::DatabaseKind;
    use sqlx::PgPool;
    use std::time::Instant;

    /// Instances whose heartbeat is older than this are shown as gone, not live.
    pub const LIVE_INSTANCE_WINDOW_SECS: i64 = 60;

    #[tracing::instrument(skip(pool), err)]
    pub async fn system_status(
        pool: &PgPool,
        database: &DatabaseKind,
        self_id: uuid::Uuid,
    ) -> Result<SystemStatus, AppError> {
        let (postgres_version, database_name, checked_at): (String, String, DateTime<Utc>) =
            sqlx::query_as("SELECT current_setting('server_version'), current_database(), now()")
                .fetch_one(pool)
                .await?;
        let migrations = sqlx::query_as::<_, (i64, String, DateTime<Utc>, bool)>(
            "SELECT version, description, installed_on, success \
             FROM _sqlx_migrations ORDER BY version",
        )
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(
            |(version, description, installed_on, success)| MigrationInfo {
                version,
                description,
                installed_on,
                success,
            },
        )
        .collect();
        let instances = sqlx::query_as::<
            _,
            (
                uuid::Uuid,
                String,
                i32,
                String,
                DateTime<Utc>,
                DateTime<Utc>,
            ),
        >(
            "SELECT id, hostname, pid, version, started_at, heartbeat_at FROM server_instance \
             WHERE stopped_at IS NULL AND heartbeat_at > now() - make_interval(secs => $1) \
             ORDER BY started_at",
        )
        .bind(LIVE_INSTANCE_WINDOW_SECS as f64)
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(
            |(id, hostname, pid, version, started_at, heartbeat_at)| InstanceInfo {
                is_self: id == self_id,
                id,
                hostname,
                pid,
                version,
                started_at,
                heartbeat_at,
            },
        )
        .collect();
        let database_mode = match database {
            DatabaseKind::Embedded { data_dir } => format!("embedded (data dir {data_dir})"),
            DatabaseKind::External => "external (DATABASE_URL)".to_string(),
        };
        Ok(SystemStatus {
            postgres_version,
            database_name,
            database_mode,
            migrations,
            instances,
            demo_cloud: None,
            checked_at,
        })
    }

    #[tracing::instrument(skip(pool), err)]
    pub async fn ping(pool: &PgPool) -> Result<DatabasePing, AppError> {
        let started = Instant::now();
        let server_time: DateTime<Utc> = sqlx::query_scalar("SELECT now()").fetch_one(pool).await?;
        Ok(DatabasePing {
            round_trip_ms: started.elapsed().as_secs_f64() * 1000.0,
            server_time,
        })
    }
}
