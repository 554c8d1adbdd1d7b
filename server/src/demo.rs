//! Demo mode: the built-in emulator of both clouds, started inside the server on a loopback
//! port, so a new installation has a living estate to show before any real account exists.

use crate::config::DemoSettings;
use app::api::system::DemoCloud;
use emulator::{EmulatorConfig, EmulatorHandle};

pub struct Demo {
    pub handle: EmulatorHandle,
    pub info: DemoCloud,
}

pub async fn start(settings: &DemoSettings) -> Result<Demo, String> {
    let size = crate::emulator_cmd::parse_size(&settings.size)?;
    // Loopback only, any free port: the emulator is for this server, not for the network.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|e| format!("cannot bind a loopback port ({e})"))?;
    let handle = emulator::spawn(EmulatorConfig::new(settings.seed, size), listener).await;
    let info = DemoCloud {
        base_url: handle.base_url.clone(),
        seed: settings.seed,
        accounts: size.accounts,
        connections_per_cloud: size.connections(),
    };
    tracing::info!(url = %info.base_url, accounts = info.accounts, connections = info.connections_per_cloud,
        "built-in cloud emulator (demo estate) is running");
    Ok(Demo { handle, info })
}
