//! Admin: API tokens for the read-only JSON API (`/api/v1/`): create with a scope and an
//! expiry, list, revoke. The plain token is returned once, at creation; afterwards only its
//! name and scope are known. Scopes are written like wall tokens' (comma-separated lists).

use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApiTokenRow {
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
pub struct CreatedApiToken {
    pub name: String,
    /// `gwa_…`: the only time the token is shown.
    pub token: String,
}

#[server(endpoint = "admin/api-tokens")]
pub async fn list_api_tokens() -> Result<Vec<ApiTokenRow>, AppError> {
    let (app, _) =
        crate::access::guard::require(crate::access::Role::Admin, "api_tokens_listed").await?;
    crate::error::respond(ssr::list(&app.pool, Utc::now()).await)
}

/// `scope` fields are comma-separated lists; empty means any. `days`: 1–366.
#[server(endpoint = "admin/api-tokens/create")]
pub async fn create_api_token(
    name: String,
    days: i64,
    #[server(default)] clouds: String,
    #[server(default)] accounts: String,
    #[server(default)] regions: String,
    #[server(default)] sites: String,
) -> Result<CreatedApiToken, AppError> {
    let (app, who) =
        crate::access::guard::require(crate::access::Role::Admin, "api_token_created").await?;
    let scope = crate::error::respond(super::wall_tokens::ssr::scope_from_lists(
        &clouds, &accounts, &regions, &sites,
    ))?;
    crate::error::respond(ssr::create(&app.pool, &who.name, &name, scope, days, Utc::now()).await)
}

#[server(endpoint = "admin/api-tokens/revoke")]
pub async fn revoke_api_token(id: String) -> Result<(), AppError> {
    let (app, who) =
        crate::access::guard::require(crate::access::Role::Admin, "api_token_revoked").await?;
    crate::error::respond(ssr::revoke(&app.pool, &who.name, &id, Utc::now()).await)
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use crate::access::guard::auth_error;
    use auth::audit::{record, Entry, Outcome};
    use auth::Scope;
    use sqlx::PgPool;

    pub async fn list(pool: &PgPool, now: DateTime<Utc>) -> Result<Vec<ApiTokenRow>, AppError> {
        let tokens = auth::api_tokens::list(pool).await.map_err(auth_error)?;
        Ok(tokens
            .into_iter()
            .map(|t| ApiTokenRow {
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
    ) -> Result<CreatedApiToken, AppError> {
        if !(1..=366).contains(&days) {
            return Err(AppError::InvalidInput("days: between 1 and 366".into()));
        }
        let expires = now + chrono::Duration::days(days);
        let (token, plain) = auth::api_tokens::create(
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
                action: "api_token_created",
                target: Some(&token.name),
                outcome: Outcome::Ok,
                detail: serde_json::json!({ "id": token.id, "scope": scope.describe(), "expires_at": expires }),
            },
        )
        .await;
        Ok(CreatedApiToken {
            name: token.name,
            token: plain,
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
            .map_err(|_| AppError::InvalidInput(format!("API token id {id:?} is not a UUID")))?;
        let token = auth::api_tokens::revoke(pool, id, now)
            .await
            .map_err(auth_error)?;
        record(
            pool,
            &Entry {
                actor,
                address: None,
                action: "api_token_revoked",
                target: Some(&token.name),
                outcome: Outcome::Ok,
                detail: serde_json::json!({ "id": token.id }),
            },
        )
        .await;
        Ok(())
    }
}
