//! What the admin pages of API tokens and wall tokens share: the row they list, and (on the
//! server) listing, creating and revoking with an audit entry, for either kind of token. The
//! two kinds differ only in their table, prefix, nouns and what the plain token is wrapped in.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A token as its admin page lists it (never the token itself).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TokenRow {
    pub id: String,
    pub name: String,
    pub scope: String,
    pub expires_at: DateTime<Utc>,
    pub revoked: bool,
    pub expired: bool,
    pub created_by: String,
    pub last_used_at: Option<DateTime<Utc>>,
}

impl TokenRow {
    /// `active`, `expired` or `revoked`.
    pub fn status(&self) -> &'static str {
        if self.revoked {
            "revoked"
        } else if self.expired {
            "expired"
        } else {
            "active"
        }
    }
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use crate::access::guard::auth_error;
    use crate::error::AppError;
    use auth::audit::{record, Entry, Outcome};
    use auth::scoped_token::TokenKind;
    use auth::Scope;
    use sqlx::PgPool;

    /// One kind of token as the admin functions name it.
    pub struct Flavour {
        pub kind: &'static TokenKind,
        /// "API token", "wall token": in error messages.
        pub noun: &'static str,
        /// Audit actions.
        pub created: &'static str,
        pub revoked: &'static str,
    }

    const CLOUDS: [&str; 2] = ["aliyun", "huawei"];

    /// A form's comma-separated list: trimmed entries, blanks dropped (also the webhook
    /// filters' format).
    pub fn split(list: &str) -> Vec<String> {
        list.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect()
    }

    /// A scope from the form's comma-separated lists (empty: any); an unknown cloud is named.
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

    pub async fn list(
        pool: &PgPool,
        flavour: &Flavour,
        now: DateTime<Utc>,
    ) -> Result<Vec<TokenRow>, AppError> {
        let tokens = flavour.kind.list(pool).await.map_err(auth_error)?;
        Ok(tokens
            .into_iter()
            .map(|t| TokenRow {
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

    /// Creates a token valid for `days` (1–366); its name and the plain token.
    pub async fn create(
        pool: &PgPool,
        flavour: &Flavour,
        actor: &str,
        name: &str,
        scope: Scope,
        days: i64,
        now: DateTime<Utc>,
    ) -> Result<(String, String), AppError> {
        if !(1..=366).contains(&days) {
            return Err(AppError::InvalidInput("days: between 1 and 366".into()));
        }
        let expires = now + chrono::Duration::days(days);
        let rng = &mut rand::rngs::OsRng;
        let (token, plain) = (flavour.kind)
            .create(pool, name, &scope, expires, actor, now, rng)
            .await
            .map_err(auth_error)?;
        let detail =
            serde_json::json!({ "id": token.id, "scope": scope.describe(), "expires_at": expires });
        audit(pool, actor, flavour.created, &token.name, detail).await;
        Ok((token.name, plain))
    }

    pub async fn revoke(
        pool: &PgPool,
        flavour: &Flavour,
        actor: &str,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let id: uuid::Uuid = id.parse().map_err(|_| {
            AppError::InvalidInput(format!("{} id {id:?} is not a UUID", flavour.noun))
        })?;
        let token = flavour
            .kind
            .revoke(pool, id, now)
            .await
            .map_err(auth_error)?;
        let detail = serde_json::json!({ "id": token.id });
        audit(pool, actor, flavour.revoked, &token.name, detail).await;
        Ok(())
    }

    async fn audit(
        pool: &PgPool,
        actor: &str,
        action: &str,
        target: &str,
        detail: serde_json::Value,
    ) {
        let entry = Entry {
            actor,
            address: None,
            action,
            target: Some(target),
            outcome: Outcome::Ok,
            detail,
        };
        record(pool, &entry).await;
    }
}
