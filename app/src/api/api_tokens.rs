//! Admin: API tokens for the read-only JSON API (`/api/v1/`): create with a scope and an
//! expiry, list, revoke. The plain token is returned once, at creation; afterwards only its
//! name and scope are known. Scopes are written like wall tokens' (comma-separated lists);
//! the work is shared with them in [`super::scoped_tokens`].

use super::scoped_tokens::TokenRow;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the admin sees once after creating a token.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CreatedApiToken {
    pub name: String,
    /// `gwa_…`: the only time the token is shown.
    pub token: String,
}

#[server(endpoint = "admin/api-tokens")]
pub async fn list_api_tokens() -> Result<Vec<TokenRow>, AppError> {
    let (app, _) =
        crate::access::guard::require(crate::access::Role::Admin, "api_tokens_listed").await?;
    crate::error::respond(ssr::list(&app.pool, chrono::Utc::now()).await)
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
    let scope = crate::error::respond(super::scoped_tokens::ssr::scope_from_lists(
        &clouds, &accounts, &regions, &sites,
    ))?;
    crate::error::respond(
        ssr::create(&app.pool, &who.name, &name, scope, days, chrono::Utc::now()).await,
    )
}

#[server(endpoint = "admin/api-tokens/revoke")]
pub async fn revoke_api_token(id: String) -> Result<(), AppError> {
    let (app, who) =
        crate::access::guard::require(crate::access::Role::Admin, "api_token_revoked").await?;
    crate::error::respond(ssr::revoke(&app.pool, &who.name, &id, chrono::Utc::now()).await)
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use crate::api::scoped_tokens::ssr::{self as shared, Flavour};
    use auth::Scope;
    use chrono::{DateTime, Utc};
    use sqlx::PgPool;

    const API_TOKENS: Flavour = Flavour {
        kind: &auth::api_tokens::TOKENS,
        noun: "API token",
        created: "api_token_created",
        revoked: "api_token_revoked",
    };

    pub async fn list(pool: &PgPool, now: DateTime<Utc>) -> Result<Vec<TokenRow>, AppError> {
        shared::list(pool, &API_TOKENS, now).await
    }

    pub async fn create(
        pool: &PgPool,
        actor: &str,
        name: &str,
        scope: Scope,
        days: i64,
        now: DateTime<Utc>,
    ) -> Result<CreatedApiToken, AppError> {
        let (name, token) =
            shared::create(pool, &API_TOKENS, actor, name, scope, days, now).await?;
        Ok(CreatedApiToken { name, token })
    }

    pub async fn revoke(
        pool: &PgPool,
        actor: &str,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        shared::revoke(pool, &API_TOKENS, actor, id, now).await
    }
}
