//! Admin: the local users (list, add, change role, reset password, remove). Every change is
//! audited with the acting admin and the user it was about.

use crate::access::Role;
use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserRow {
    pub name: String,
    pub role: Role,
    pub created_at: DateTime<Utc>,
}

#[server(endpoint = "admin/users")]
pub async fn list_users() -> Result<Vec<UserRow>, AppError> {
    let (app, _) = crate::access::guard::require(Role::Admin, "users_listed").await?;
    crate::error::respond(ssr::list(&app.pool).await)
}

#[server(endpoint = "admin/users/add")]
pub async fn add_user(name: String, password: String, role: Role) -> Result<UserRow, AppError> {
    let (app, who) = crate::access::guard::require(Role::Admin, "user_added").await?;
    crate::error::respond(ssr::add(&app.pool, &who.name, name.trim(), &password, role).await)
}

#[server(endpoint = "admin/users/role")]
pub async fn set_user_role(name: String, role: Role) -> Result<UserRow, AppError> {
    let (app, who) = crate::access::guard::require(Role::Admin, "user_role_changed").await?;
    crate::error::respond(ssr::set_role(&app.pool, &who.name, &name, role).await)
}

#[server(endpoint = "admin/users/password")]
pub async fn reset_user_password(name: String, password: String) -> Result<(), AppError> {
    let (app, who) = crate::access::guard::require(Role::Admin, "user_password_reset").await?;
    crate::error::respond(ssr::reset_password(&app.pool, &who.name, &name, &password).await)
}

#[server(endpoint = "admin/users/remove")]
pub async fn remove_user(name: String) -> Result<(), AppError> {
    let (app, who) = crate::access::guard::require(Role::Admin, "user_removed").await?;
    crate::error::respond(ssr::remove(&app.pool, &who.name, &name).await)
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::UserRow;
    use crate::access::guard::auth_error;
    use crate::access::Role;
    use crate::error::AppError;
    use auth::audit::{record, Entry, Outcome};
    use sqlx::PgPool;

    fn row(u: auth::users::User) -> UserRow {
        UserRow {
            name: u.name,
            role: u.role,
            created_at: u.created_at,
        }
    }

    /// Audits the attempt with its outcome, then returns it.
    async fn audited<T>(
        pool: &PgPool,
        actor: &str,
        action: &str,
        target: &str,
        detail: serde_json::Value,
        result: Result<T, auth::AuthError>,
    ) -> Result<T, AppError> {
        let outcome = if result.is_ok() {
            Outcome::Ok
        } else {
            Outcome::Failed
        };
        let detail = match &result {
            Err(e) => serde_json::json!({ "error": e.to_string(), "request": detail }),
            Ok(_) => detail,
        };
        record(
            pool,
            &Entry {
                actor,
                address: None,
                action,
                target: Some(target),
                outcome,
                detail,
            },
        )
        .await;
        result.map_err(auth_error)
    }

    pub async fn list(pool: &PgPool) -> Result<Vec<UserRow>, AppError> {
        let users = auth::users::list(pool).await.map_err(auth_error)?;
        Ok(users.into_iter().map(row).collect())
    }

    pub async fn add(
        pool: &PgPool,
        actor: &str,
        name: &str,
        password: &str,
        role: Role,
    ) -> Result<UserRow, AppError> {
        let created = auth::users::create(pool, name, password, role).await;
        let detail = serde_json::json!({ "role": role });
        audited(pool, actor, "user_added", name, detail, created)
            .await
            .map(row)
    }

    pub async fn set_role(
        pool: &PgPool,
        actor: &str,
        name: &str,
        role: Role,
    ) -> Result<UserRow, AppError> {
        let changed = auth::users::set_role(pool, name, role).await;
        let detail = serde_json::json!({ "role": role });
        audited(pool, actor, "user_role_changed", name, detail, changed)
            .await
            .map(row)
    }

    pub async fn reset_password(
        pool: &PgPool,
        actor: &str,
        name: &str,
        password: &str,
    ) -> Result<(), AppError> {
        let done = auth::users::set_password(pool, name, password).await;
        audited(
            pool,
            actor,
            "user_password_reset",
            name,
            serde_json::json!({}),
            done,
        )
        .await
    }

    pub async fn remove(pool: &PgPool, actor: &str, name: &str) -> Result<(), AppError> {
        let done = auth::users::remove(pool, name).await;
        audited(
            pool,
            actor,
            "user_removed",
            name,
            serde_json::json!({}),
            done,
        )
        .await
    }
}
