//! Admin: wall tokens (create with a scope and an expiry, list, revoke). The plain token is
//! returned once, inside the wall's URL, at creation; afterwards only its name and scope are
//! known.

use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WallTokenRow {
    pub id: String,
    pub name: String,
    pub scope: String,
    pub expires_at: DateTime<Utc>,
    pub revoked: bool,
    pub expired: bool,
    pub created_by: String,
    pub last_used_at: Option<DateTime<Utc>>,
}

/// What the admin sees once after creating a token.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CreatedWall {
    pub name: String,
    /// `/wall/<token>`: the only time the token is shown.
    pub path: String,
}

#[server(endpoint = "admin/walls")]
pub async fn list_wall_tokens() -> Result<Vec<WallTokenRow>, AppError> {
    let (app, _) =
        crate::access::guard::require(crate::access::Role::Admin, "wall_tokens_listed").await?;
    crate::error::respond(ssr::list(&app.pool, Utc::now()).await)
}

/// `scope` fields are comma-separated lists; empty means any. `days`: 1–366.
#[server(endpoint = "admin/walls/create")]
pub async fn create_wall_token(
    name: String,
    days: i64,
    #[server(default)] clouds: String,
    #[server(default)] accounts: String,
    #[server(default)] regions: String,
    #[server(default)] sites: String,
) -> Result<CreatedWall, AppError> {
    let (app, who) =
        crate::access::guard::require(crate::access::Role::Admin, "wall_token_created").await?;
    let scope = crate::error::respond(ssr::scope_from_lists(&clouds, &accounts, &regions, &sites))?;
    crate::error::respond(ssr::create(&app.pool, &who.name, &name, scope, days, Utc::now()).await)
}

#[server(endpoint = "admin/walls/revoke")]
pub async fn revoke_wall_token(id: String) -> Result<(), AppError> {
    let (app, who) =
        crate::access::guard::require(crate::access::Role::Admin, "wall_token_revoked").await?;
    crate::error::respond(ssr::revoke(&app.pool, &who.name, &id, Utc::now()).await)
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use crate::access::guard::auth_error;
    use auth::audit::{record, Entry, Outcome};
    use auth::Scope;
    use sqlx::PgPool;

    const CLOUDS: [&str; 2] = ["aliyun", "huawei"];

    fn split(list: &str) -> Vec<String> {
        list.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect()
    }

    pub fn scope_from_lists(
        clouds: &str,
        accounts: &str,
        regions: &str,
        sites: &str,
    ) -> Result<Scope, AppError> {
        let clouds = split(clouds);
        if let Some(bad) = clouds.iter().find(|c| !CLOUDS.contains(&c.as_str())) {
            return Err(AppError::InvalidInput(format!(
                "unknown cloud {bad:?}: use aliyun or huawei"
            )));
        }
        Ok(Scope {
            clouds,
            accounts: split(accounts),
            regions: split(regions),
            sites: split(sites),
        })
    }

    pub async fn list(pool: &PgPool, now: DateTime<Utc>) -> Result<Vec<WallTokenRow>, AppError> {
        let tokens = auth::wall::list(pool).await.map_err(auth_error)?;
        Ok(tokens
            .into_iter()
            .map(|t| WallTokenRow {
                id: t.id.to_string(),
                name: t.name,
                scope: t.scope.describe(),
                expires_at: t.expires_at,
                revoked: t.revoked_at.is_some(),
                expired: t.expires_at <= now,
                created_by: t.created_by,
                last_used_at: t.last_used_at,
            })
            .collect())
    }

    pub async fn create(
        pool: &PgPool,
        actor: &str,
        name: &str,
        scope: Scope,
        days: i64,
        now: DateTime<Utc>,
    ) -> Result<CreatedWall, AppError> {
        if !(1..=366).contains(&days) {
            return Err(AppError::InvalidInput("days: between 1 and 366".into()));
        }
        let expires = now + chrono::Duration::days(days);
        let (token, plain) = auth::wall::create(
            pool,
            name,
            &scope,
            expires,
            actor,
            now,
            &mut rand::rngs::OsRng,
        )
        .await
        .map_err(auth_error)?;
        record(
            pool,
            &Entry {
                actor,
                address: None,
                action: "wall_token_created",
                target: Some(&token.name),
                outcome: Outcome::Ok,
                detail: serde_json::json!({ "id": token.id, "scope": scope.describe(), "expires_at": expires }),
            },
        )
        .await;
        Ok(CreatedWall {
            name: token.name,
            path: format!("/wall/{plain}"),
        })
    }

    pub async fn revoke(
        pool: &PgPool,
        actor: &str,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let id: uuid::Uuid = id
            .parse()
            .map_err(|_| AppError::InvalidInput(format!("wall token id {id:?} is not a UUID")))?;
        let token = auth::wall::revoke(pool, id, now)
            .await
            .map_err(auth_error)?;
        record(
            pool,
            &Entry {
                actor,
                address: None,
                action: "wall_token_revoked",
                target: Some(&token.name),
                outcome: Outcome::Ok,
                detail: serde_json::json!({ "id": token.id }),
            },
        )
        .await;
        Ok(())
    }
}
