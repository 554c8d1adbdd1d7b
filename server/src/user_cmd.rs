//! `gatewatch user …`: manage local users from the command line, e.g. to create the first
//! admin without the setup link, or to recover when every admin has forgotten their password.

use crate::cli::UserAction;
use crate::config::Settings;
use auth::{users, Role};

pub async fn run(settings: &Settings, action: UserAction) -> Result<String, String> {
    let db = crate::db::Database::open(settings)
        .await
        .map_err(|e| e.to_string())?;
    let result = apply(&db.pool, action).await;
    db.close().await;
    result
}

async fn apply(pool: &sqlx::PgPool, action: UserAction) -> Result<String, String> {
    let text = |e: auth::AuthError| e.to_string();
    match action {
        UserAction::Add { name, role, admin } => {
            let role = if admin {
                Role::Admin
            } else {
                role.parse::<Role>()?
            };
            let password = password_for(&name)?;
            let user = users::create(pool, &name, &password, role)
                .await
                .map_err(text)?;
            audit(
                pool,
                "user_added",
                &user.name,
                serde_json::json!({ "role": role }),
            )
            .await;
            Ok(format!("user {} added with role {}", user.name, user.role))
        }
        UserAction::List => {
            let list = users::list(pool).await.map_err(text)?;
            Ok(match list.is_empty() {
                true => "no users yet".into(),
                false => list
                    .iter()
                    .map(|u| {
                        format!(
                            "{}\t{}\t{}",
                            u.name,
                            u.role,
                            u.created_at.format("%Y-%m-%d")
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
            })
        }
        UserAction::SetRole { name, role } => {
            let role = role.parse::<Role>()?;
            let user = users::set_role(pool, &name, role).await.map_err(text)?;
            audit(
                pool,
                "user_role_changed",
                &name,
                serde_json::json!({ "role": role }),
            )
            .await;
            Ok(format!("user {} now has role {}", user.name, user.role))
        }
        UserAction::SetPassword { name } => {
            let password = password_for(&name)?;
            users::set_password(pool, &name, &password)
                .await
                .map_err(text)?;
            audit(pool, "user_password_reset", &name, serde_json::json!({})).await;
            Ok(format!("password of {name} changed"))
        }
        UserAction::Remove { name } => {
            users::remove(pool, &name).await.map_err(text)?;
            audit(pool, "user_removed", &name, serde_json::json!({})).await;
            Ok(format!("user {name} removed"))
        }
    }
}

async fn audit(pool: &sqlx::PgPool, action: &str, target: &str, detail: serde_json::Value) {
    auth::audit::record(
        pool,
        &auth::audit::Entry {
            actor: "cli",
            address: None,
            action,
            target: Some(target),
            outcome: auth::audit::Outcome::Ok,
            detail,
        },
    )
    .await;
}

fn password_for(name: &str) -> Result<String, String> {
    if let Ok(p) = std::env::var("GATEWATCH_PASSWORD") {
        return Ok(p);
    }
    let first = rpassword::prompt_password(format!("Password for {name}: ")).map_err(|e| {
        format!("cannot read a password from the terminal ({e}); set GATEWATCH_PASSWORD")
    })?;
    let again = rpassword::prompt_password("Again: ").map_err(|e| e.to_string())?;
    if first != again {
        return Err("the two passwords differ".into());
    }
    Ok(first)
}
