//! Admin: wall tokens (create with a scope and an expiry, list, revoke). The plain token is
//! returned once, inside the wall's URL, at creation; afterwards only its name and scope are
//! known. The work is shared with API tokens in [`super::scoped_tokens`].

use super::scoped_tokens::TokenRow;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the admin sees once after creating a token.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CreatedWall {
    pub name: String,
    /// `/wall/<token>`: the only time the token is shown.
    pub path: String,
}

#[server(endpoint = "admin/walls")]
pub async fn list_wall_tokens() -> Result<Vec<TokenRow>, AppError> {
    let (app, _) =
        crate::access::guard::require(crate::access::Role::Admin, "wall_tokens_listed").await?;
    crate::error::respond(ssr::list(&app.pool, chrono::Utc::now()).await)
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
    let scope = crate::error::respond(super::scoped_tokens::ssr::scope_from_lists(
        &clouds, &accounts, &regions, &sites,
    ))?;
    crate::error::respond(
        ssr::create(&app.pool, &who.name, &name, scope, days, chrono::Utc::now()).await,
    )
}

#[server(endpoint = "admin/walls/revoke")]
pub async fn revoke_wall_token(id: String) -> Result<(), AppError> {
    let (app, who) =
        crate::access::guard::require(crate::access::Role::Admin, "wall_token_revoked").await?;
    crate::error::respond(ssr::revoke(&app.pool, &who.name, &id, chrono::Utc::now()).await)
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use crate::api::scoped_tokens::ssr::{self as shared, Flavour};
    use auth::Scope;
    use chrono::{DateTime, Utc};
    use sqlx::PgPool;

    pub use shared::scope_from_lists;

    const WALL_TOKENS: Flavour = Flavour {
        kind: &auth::wall::TOKENS,
        noun: "wall token",
        created: "wall_token_created",
        revoked: "wall_token_revoked",
    };

    pub async fn list(pool: &PgPool, now: DateTime<Utc>) -> Result<Vec<TokenRow>, AppError> {
        shared::list(pool, &WALL_TOKENS, now).await
    }

    pub async fn create(
        pool: &PgPool,
        actor: &str,
        name: &str,
        scope: Scope,
        days: i64,
        now: DateTime<Utc>,
    ) -> Result<CreatedWall, AppError> {
        let (name, plain) =
            shared::create(pool, &WALL_TOKENS, actor, name, scope, days, now).await?;
        Ok(CreatedWall {
            name,
            path: format!("/wall/{plain}"),
        })
    }

    pub async fn revoke(
        pool: &PgPool,
        actor: &str,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        shared::revoke(pool, &WALL_TOKENS, actor, id, now).await
    }
}
