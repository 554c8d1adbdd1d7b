//! `gatewatch`: parses the command line, sets up logging, runs the chosen command, and turns
//! any start-up failure into one clear line and a non-zero exit code.

use clap::Parser;
use server::cli::{Cli, Command};
use server::config::Settings;
use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let args = match cli.command {
        Some(Command::Serve(args)) => args,
        Some(Command::Call(args)) => return call(args).await,
        Some(Command::Emulator(args)) => {
            init_tracing("info");
            return match server::emulator_cmd::run(args).await {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(&e),
            };
        }
        Some(Command::User { action, data_dir }) => {
            return admin_command(cli.config.as_deref(), data_dir, |s| async move {
                server::user_cmd::run(&s, action).await
            })
            .await;
        }
        Some(Command::ApiToken { action, data_dir }) => {
            return admin_command(cli.config.as_deref(), data_dir, |s| async move {
                server::api_token_cmd::run(&s, action).await
            })
            .await;
        }
        None => cli.serve,
    };
    let settings = match Settings::load(cli.config.as_deref(), &args) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    init_tracing(&settings.log);
    match server::run(settings).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e.to_string()),
    }
}

/// Runs an admin command (`user`, `api-token`) quietly (warnings only) and prints what it
/// answers. Its settings come from the config file and the data directory, nothing of
/// `serve`'s flags.
async fn admin_command<F, Fut>(
    config: Option<&std::path::Path>,
    data_dir: Option<std::path::PathBuf>,
    run: F,
) -> ExitCode
where
    F: FnOnce(Settings) -> Fut,
    Fut: std::future::Future<Output = Result<String, String>>,
{
    let flags = server::cli::ServeArgs {
        data_dir,
        ..Default::default()
    };
    let settings = match Settings::load(config, &flags) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    init_tracing("warn");
    match run(settings).await {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

async fn call(args: server::cli::CallArgs) -> ExitCode {
    init_tracing(&std::env::var("RUST_LOG").unwrap_or_else(|_| "warn".into()));
    match server::call::run(args).await {
        Ok(json) => {
            println!(
                "{}",
                serde_json::to_string_pretty(&json).unwrap_or_else(|_| json.to_string())
            );
            ExitCode::SUCCESS
        }
        Err((code, message)) => {
            eprintln!("gatewatch: error: {code}: {message}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing(filter: &str) {
    let filter = tracing_subscriber::EnvFilter::try_new(filter)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}

fn fail(message: &str) -> ExitCode {
    eprintln!("gatewatch: error: {message}");
    ExitCode::FAILURE
}
