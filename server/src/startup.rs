//! What `run` does before it serves: bind, check the data directory, open the database (the
//! embedded cluster's first start runs initdb), load the key, and in demo mode start the
//! built-in cloud emulator and register its accounts. `run` races this against SIGINT and
//! SIGTERM, so it is one future that can be dropped at any await.

use crate::background_runtime::BackgroundRuntime;
use crate::config::Settings;
use crate::{background, bind, data_dir, db, demo, StartError};
use sqlx::PgPool;
use std::sync::Arc;
use store::crypto::KeyRing;
use tokio::net::TcpListener;

pub struct Prepared {
    pub listener: TcpListener,
    pub database: db::Database,
    pub keys: Arc<KeyRing>,
    pub background: BackgroundRuntime,
    pub demo: Option<demo::Demo>,
}

pub async fn prepare(settings: &Settings) -> Result<Prepared, StartError> {
    let listener = bind(settings.listen).await?;
    data_dir::check(settings).map_err(StartError::DataDir)?;
    let database = db::Database::open(settings).await?;
    let keys = Arc::new(background::keyring(settings).map_err(StartError::Keys)?);
    announce_setup(&database.pool, settings).await;
    let background = BackgroundRuntime::start().map_err(StartError::Runtime)?;
    let demo = match settings.demo.enabled {
        true => {
            let demo_settings = settings.demo.clone();
            let demo = background
                .run(async move { demo::start(&demo_settings).await })
                .await
                .map_err(StartError::Demo)?;
            demo::ensure_accounts(&database.pool, &keys, &demo.handle)
                .await
                .map_err(|e| StartError::Demo(e.to_string()))?;
            Some(demo)
        }
        false => None,
    };
    Ok(Prepared {
        listener,
        database,
        keys,
        background,
        demo,
    })
}

/// While no admin exists, prints the one-time link that creates the first one. It goes to the
/// console only (never the log, which may be shipped elsewhere): whoever reads this console
/// started the server and may become its admin.
async fn announce_setup(pool: &PgPool, settings: &Settings) {
    match auth::setup::issue_if_no_admin(pool, chrono::Utc::now(), &mut rand::rngs::OsRng).await {
        Ok(Some(token)) => eprintln!(
            "\ngatewatch: no admin exists yet. Create one within 24 hours at\n  \
             http://{}/setup?token={token}\nor run `gatewatch user add NAME --role admin`.\n",
            settings.listen
        ),
        Ok(None) => {}
        Err(e) => tracing::warn!(error = %e, "could not issue the first-admin setup token"),
    }
}
