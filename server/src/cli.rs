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
    /// Send one signed request to a cloud API and print the JSON answer (secrets blanked).
    ///
    /// Credentials come from the environment, as for the official tools:
    /// ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET (/ ALIBABA_CLOUD_SECURITY_TOKEN),
    /// HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK (/ HUAWEICLOUD_SDK_SECURITY_TOKEN).
    /// On failure it exits with status 1 and prints the cloud's error code.
    Call(CallArgs),
    /// Run the built-in emulator of both clouds' APIs with a generated demo estate, and print
    /// its endpoints and demo credentials.
    Emulator(EmulatorArgs),
    /// Manage gatewatch's local users in its database (the same database `serve` uses).
    ///
    /// Passwords are read from GATEWATCH_PASSWORD when set, else asked for on the terminal
    /// (never taken as an argument: arguments are visible to other users of the machine).
    User {
        #[command(subcommand)]
        action: UserAction,
        /// Directory for gatewatch's own files, incl. the embedded PostgreSQL [default: ./data].
        #[arg(long, value_name = "DIR", global = true)]
        data_dir: Option<PathBuf>,
    },
    /// Manage bearer tokens of the read-only JSON API (/api/v1/), as Admin → API tokens does.
    ApiToken {
        #[command(subcommand)]
        action: ApiTokenAction,
        /// Directory for gatewatch's own files, incl. the embedded PostgreSQL [default: ./data].
        #[arg(long, value_name = "DIR", global = true)]
        data_dir: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ApiTokenAction {
    /// Create a token and print it (shown only now): `gatewatch api-token create ci --clouds huawei`.
    Create {
        name: String,
        /// Days until it expires (1–366).
        #[arg(long, default_value_t = 30)]
        days: i64,
        /// Comma-separated scope lists; empty means any.
        #[arg(long, default_value = "")]
        clouds: String,
        #[arg(long, default_value = "")]
        accounts: String,
        #[arg(long, default_value = "")]
        regions: String,
        #[arg(long, default_value = "")]
        sites: String,
    },
    /// List tokens (never the tokens themselves): id, name, scope, expiry, status.
    List,
    /// Revoke a token by its id.
    Revoke { id: String },
}

#[derive(Debug, Subcommand)]
pub enum UserAction {
    /// Add a user: `gatewatch user add alice --role admin`.
    Add {
        name: String,
        /// viewer, operator or admin.
        #[arg(long, default_value = "viewer")]
        role: String,
        /// Shortcut for `--role admin`.
        #[arg(long)]
        admin: bool,
    },
    /// List users and their roles.
    List,
    /// Change a user's role (the last admin cannot be demoted).
    SetRole { name: String, role: String },
    /// Set a new password.
    SetPassword { name: String },
    /// Remove a user (the last admin cannot be removed).
    Remove { name: String },
}

#[derive(Debug, clap::Args)]
pub struct EmulatorArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:4000")]
    pub listen: SocketAddr,
    /// Seed of the generated estate (the same seed gives the same estate).
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Estate size: toy, demo, max, or ACCOUNTS,REGIONS,GATEWAYS,CONNECTIONS.
    #[arg(long, default_value = "demo")]
    pub size: String,
    /// Simulation speed-up (1000: a 60 s quota window lasts 60 ms, state changes come faster).
    #[arg(long, default_value_t = 1.0)]
    pub time_scale: f64,
    /// Do not enforce the clouds' published API quotas.
    #[arg(long)]
    pub no_quotas: bool,
}

#[derive(Debug, clap::Args)]
pub struct CallArgs {
    #[command(subcommand)]
    pub cloud: CallCloud,
}

#[derive(Debug, Subcommand)]
pub enum CallCloud {
    /// Alibaba Cloud VPC / VPN Gateway RPC API: `gatewatch call aliyun DescribeVpnGateways PageSize=50 --region cn-shanghai`.
    Aliyun {
        /// The API action, e.g. DescribeVpnConnections.
        action: String,
        /// Request parameters as Key=Value.
        params: Vec<String>,
        /// Region id (sent as RegionId unless given among the parameters).
        #[arg(long)]
        region: String,
        /// Endpoint URL instead of the public one (private endpoint, the emulator).
        #[arg(long)]
        endpoint: Option<String>,
        /// Allow plain http:// to a host that is not loopback.
        #[arg(long)]
        allow_insecure_http: bool,
    },
    /// Huawei Cloud VPN v5 API: `gatewatch call huawei GET /v5/{project_id}/vpn-gateways --region cn-north-4`.
    Huawei {
        /// HTTP method: GET, POST, PUT, DELETE.
        method: String,
        /// Path; `{project_id}` is replaced by the region's project id.
        path: String,
        /// Query parameters as k=v (repeatable).
        #[arg(long = "query", value_name = "K=V")]
        query: Vec<String>,
        /// JSON request body.
        #[arg(long)]
        body: Option<String>,
        /// Region id, e.g. cn-north-4.
        #[arg(long)]
        region: String,
        /// Base URL for both the VPN and IAM endpoints (private endpoint, the emulator).
        #[arg(long)]
        endpoint: Option<String>,
        /// The project id, instead of looking it up by region in IAM.
        #[arg(long)]
        project_id: Option<String>,
        /// Allow plain http:// to a host that is not loopback.
        #[arg(long)]
        allow_insecure_http: bool,
    },
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
