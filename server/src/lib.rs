//! The gatewatch server: wiring only. It reads the configuration, opens the database (an
//! existing server or the embedded cluster), builds the router around the `app` crate, and runs
//! until a shutdown signal, then drains requests and stops what it started, in that order.

pub mod access_layer;
pub mod alerting;
pub mod api_token_cmd;
pub mod api_v1;
pub mod backend_priority;
pub mod background;
pub mod background_runtime;
pub mod call;
pub mod change_feed;
pub mod cli;
pub mod compression;
pub mod config;
pub mod data_dir;
pub mod db;
pub mod demo;
pub mod emulator_cmd;
pub mod events;
pub mod form_posts;
pub mod guard;
pub mod http;
pub mod instance;
pub mod log_redact;
pub mod metrics;
pub mod metrics_scrape;
pub mod shutdown;
pub mod startup;
pub mod token_callers;
pub mod user_cmd;

/// The embedded PostgreSQL (its own crate, so other crates' tests can start clusters too).
pub use pgembed as pg;

use app::state::{AppState, DatabaseKind};
use config::Settings;
use sqlx::PgPool;
use std::future::Future;
use std::net::SocketAddr;
use tokio::net::TcpListener;
use tower_sessions::ExpiredDeletion;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot listen on {addr}: {reason}; stop the other program or choose another address with --listen or GATEWATCH_LISTEN")]
    Listen { addr: SocketAddr, reason: String },
    #[error(transparent)]
    Database(#[from] db::DbError),
    #[error("{0}")]
    DataDir(String),
    #[error("cannot register this server instance in the database: {0}")]
    Register(sqlx::Error),
    #[error("cannot start the built-in cloud emulator: {0}")]
    Demo(String),
    #[error("cannot load the key that encrypts cloud credentials: {0}")]
    Keys(String),
    #[error("the HTTP server failed: {0}")]
    Serve(std::io::Error),
    #[error("cannot listen for SIGINT and SIGTERM: {0}")]
    Signals(std::io::Error),
    #[error("cannot start the background runtime (sync, alerts, emulator): {0}")]
    Runtime(std::io::Error),
}

/// Binds first, so a port in use is reported before anything else is started.
pub async fn bind(addr: SocketAddr) -> Result<TcpListener, StartError> {
    TcpListener::bind(addr).await.map_err(|e| {
        let reason = match e.kind() {
            std::io::ErrorKind::AddrInUse => "the address is already in use".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => e.to_string(),
        };
        StartError::Listen { addr, reason }
    })
}

/// Serves the dashboard on `listener` until `shutdown` resolves, then drains open requests.
pub async fn serve(
    listener: TcpListener,
    pool: PgPool,
    database: DatabaseKind,
    services: app::state::Services,
    settings: &Settings,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), StartError> {
    let instance_id = instance::register(&pool)
        .await
        .map_err(StartError::Register)?;
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let heartbeat = tokio::spawn(instance::heartbeat(pool.clone(), instance_id, stop_rx));
    let sweeper = tokio::spawn(
        tower_sessions_sqlx_store::PostgresStore::new(pool.clone())
            .continuously_delete_expired(tokio::time::Duration::from_secs(600)),
    );
    let mut leptos_options = http::leptos_options(settings);
    if let Ok(addr) = listener.local_addr() {
        leptos_options.site_addr = addr;
    }
    let feed = change_feed::ChangeFeed::start(pool.clone(), change_feed::POLL_EVERY);
    let state = AppState {
        leptos_options,
        pool,
        database,
        instance_id,
        services,
        access: settings.access_policy(),
        login_limiter: std::sync::Arc::new(auth::limiter::LoginLimiter::default()),
        changes: feed.receiver.clone(),
        sync_defaults: settings.sync.defaults(),
    };
    let router = http::router(state, settings).into_make_service_with_connect_info::<SocketAddr>();
    tracing::info!(addr = %listener.local_addr().map(|a| a.to_string()).unwrap_or_default(), "gatewatch is serving");
    let close_streams = feed.closer();
    // Responses go out in several writes (headers, then body chunks as the page streams);
    // with Nagle's algorithm on, each later write waited for the client's delayed ACK, which
    // put a fixed ~40 ms on every file and page (measured: a 13 KB CSS file at 44 ms p50 with
    // the server a quarter busy).
    let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::debug!(error = %e, "could not set TCP_NODELAY on a connection");
        }
    });
    let served = axum::serve(listener, router)
        .with_graceful_shutdown(async move {
            shutdown.await;
            close_streams.abort();
        })
        .await;
    sweeper.abort();
    feed.stop();
    let _ = stop_tx.send(true);
    let _ = heartbeat.await;
    served.map_err(StartError::Serve)
}

/// The whole `serve` command: bind, open the database, start the emulator (demo mode) and the
/// sync engine, serve until a signal, then stop everything in reverse order. A signal while
/// it is still starting (the first start of the embedded cluster and the demo import take a
/// while) stops it there: what was started is dropped, which stops the embedded cluster and
/// abandons the import's open transaction (rolled back; nothing half-written stays).
pub async fn run(settings: Settings) -> Result<(), StartError> {
    let mut shutdown = shutdown::ShutdownSignal::listen().map_err(StartError::Signals)?;
    let startup::Prepared {
        listener,
        database,
        keys,
        background,
        demo,
    } = tokio::select! {
        prepared = startup::prepare(&settings) => prepared?,
        () = shutdown.received() => {
            eprintln!("gatewatch: stopped while starting");
            return Ok(());
        }
    };
    // What these start, they spawn on the background runtime.
    let entered = background.handle().enter();
    let sync = settings
        .sync
        .enabled
        .then(|| background::start_sync(database.background.clone(), keys.clone(), &settings.sync));
    let alerts = alerting::handle(database.background.clone(), keys.clone(), &settings);
    let alerts_task = settings
        .alerts
        .enabled
        .then(|| alerting::start(alerts.clone()));
    drop(entered);
    let services = app::state::Services {
        demo_cloud: demo.as_ref().map(|d| d.info.clone()),
        sync: sync.as_ref().map(|s| s.engine.clone()),
        alerts: Some(alerts),
        keys: Some(keys.clone()),
    };
    let result = serve(
        listener,
        database.pool.clone(),
        database.kind.clone(),
        services,
        &settings,
        async move { shutdown.received().await },
    )
    .await;
    if let Some(task) = alerts_task {
        task.stop().await;
    }
    if let Some(sync) = sync {
        sync.stop().await;
    }
    if let Some(demo) = demo {
        demo.handle.shutdown().await;
    }
    database.close().await;
    drop(background);
    result
}
