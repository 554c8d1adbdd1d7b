//! `gatewatch api-token …`: API tokens from the command line (for provisioning scripts), with
//! the same checks and audit entries as the admin page; the actor is recorded as `cli`.

use crate::cli::ApiTokenAction;
use crate::config::Settings;
use app::api::api_tokens::ssr;
use app::api::scoped_tokens::ssr::scope_from_lists;
use chrono::Utc;

const ACTOR: &str = "cli";

pub async fn run(settings: &Settings, action: ApiTokenAction) -> Result<String, String> {
    let db = crate::db::Database::open(settings)
        .await
        .map_err(|e| e.to_string())?;
    let result = apply(&db.pool, action).await;
    db.close().await;
    result
}

pub async fn apply(pool: &sqlx::PgPool, action: ApiTokenAction) -> Result<String, String> {
    let text = |e: app::error::AppError| e.to_string();
    let now = Utc::now();
    match action {
        ApiTokenAction::Create {
            name,
            days,
            clouds,
            accounts,
            regions,
            sites,
        } => {
            let scope = scope_from_lists(&clouds, &accounts, &regions, &sites).map_err(text)?;
            let made = ssr::create(pool, ACTOR, &name, scope, days, now)
                .await
                .map_err(text)?;
            Ok(made.token)
        }
        ApiTokenAction::List => {
            let list = ssr::list(pool, now).await.map_err(text)?;
            if list.is_empty() {
                return Ok("no API tokens yet".into());
            }
            Ok(list
                .iter()
                .map(|t| {
                    let status = match (t.revoked, t.expired) {
                        (true, _) => "revoked",
                        (_, true) => "expired",
                        _ => "active",
                    };
                    format!(
                        "{}\t{}\t{}\t{}\t{status}",
                        t.id,
                        t.name,
                        t.scope,
                        t.expires_at.format("%Y-%m-%d")
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"))
        }
        ApiTokenAction::Revoke { id } => {
            ssr::revoke(pool, ACTOR, &id, now).await.map_err(text)?;
            Ok(format!("API token {id} revoked"))
        }
    }
}
