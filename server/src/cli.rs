//! The command line of the `gatewatch` binary.

use clap::{Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;

/// gatewatch: one dashboard for the IPsec-VPN gateways, connections, routes and BGP sessions
/// of your Alibaba Cloud and Huawei Cloud accounts.
///
/// Settings come from (later wins): built-in defaults, the config file, GATEWATCH_* environment
/// variables (nested keys with `__`, e.g. GATEWATCH_POSTGRES__BIN_DIR), DATABASE_URL, and flags.
#[derive(Debug, Parser)]
#[command(
    name = "gatewatch",
    version,
    about,
    long_about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// TOML config file (default: gatewatch.toml in the working directory, if present).
    #[arg(long, global = true, env = "GATEWATCH_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// `gatewatch [FLAGS]` is `gatewatch serve [FLAGS]`.
    #[command(flatten)]
    pub serve: ServeArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the dashboard (the default when no command is given).
    Serve(ServeArgs),
}

#[derive(Debug, Default, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on [default: 127.0.0.1:3000].
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<SocketAddr>,
    /// Directory for gatewatch's own files, incl. the embedded PostgreSQL [default: ./data].
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}
