//! Scoped bearer tokens, the mechanism behind wall tokens and API tokens: scoped (clouds,
//! accounts, regions, sites), expiring, revocable, stored as a SHA-256 digest; the plain
//! token is returned once, at creation.

use crate::{token, AuthError, Scope};
use chrono::{DateTime, Utc};
use rand::RngCore;
use sqlx::types::Json;
use sqlx::PgPool;
use uuid::Uuid;

/// Which kind of scoped token: its table and its prefix (a token of one kind never passes as
/// the other, because the prefix is part of what is hashed and checked).
pub struct TokenKind {
    pub table: &'static str,
    pub prefix: &'static str,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ScopedToken {
    pub id: Uuid,
    pub name: String,
    pub scope: Scope,
    pub expires_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

type Row = (
    Uuid,
    String,
    Json<Scope>,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
    String,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
);

const COLUMNS: &str =
    "id, name, scope, expires_at, revoked_at, created_by, created_at, last_used_at";

fn from_row(r: Row) -> ScopedToken {
    ScopedToken {
        id: r.0,
        name: r.1,
        scope: r.2 .0,
        expires_at: r.3,
        revoked_at: r.4,
        created_by: r.5,
        created_at: r.6,
        last_used_at: r.7,
    }
}

impl TokenKind {
    /// Creates a token; returns it with the plain token (never stored, never shown again).
    // The pool plus the six facts of a new token; a struct for them would only be unpacked here.
    #[allow(clippy::too_many_arguments)]
    pub async fn create(
        &self,
        pool: &PgPool,
        name: &str,
        scope: &Scope,
        expires_at: DateTime<Utc>,
        created_by: &str,
        now: DateTime<Utc>,
        rng: &mut impl RngCore,
    ) -> Result<(ScopedToken, String), AuthError> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 100 {
            return Err(AuthError::InvalidTokenName("use 1–100 characters"));
        }
        if expires_at <= now {
            return Err(AuthError::InvalidExpiry("the expiry must be in the future"));
        }
        if expires_at > now + chrono::Duration::days(366) {
            return Err(AuthError::InvalidExpiry("a token lives at most a year"));
        }
        let (plain, hash) = token::generate(self.prefix, rng);
        let row: Row = sqlx::query_as(&format!(
            "INSERT INTO {table} (id, name, token_hash, scope, expires_at, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {COLUMNS}",
            table = self.table
        ))
        .bind(Uuid::new_v4())
        .bind(name)
        .bind(hash)
        .bind(Json(scope))
        .bind(expires_at)
        .bind(created_by)
        .bind(now)
        .fetch_one(pool)
        .await?;
        Ok((from_row(row), plain))
    }

    /// The token's record when it is well formed, known, not revoked and not expired; records
    /// the use. Anything else is `None`: the caller answers 401 / 404 without saying which it
    /// was.
    pub async fn resolve(
        &self,
        pool: &PgPool,
        plain: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<ScopedToken>, AuthError> {
        if !token::well_formed(self.prefix, plain) {
            return Ok(None);
        }
        let row: Option<Row> = sqlx::query_as(&format!(
            "UPDATE {table} SET last_used_at = $2
         WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2
         RETURNING {COLUMNS}",
            table = self.table
        ))
        .bind(token::digest(plain))
        .bind(now)
        .fetch_optional(pool)
        .await?;
        Ok(row.map(from_row))
    }

    /// Revokes the token `id` (again: no change); its record.
    pub async fn revoke(
        &self,
        pool: &PgPool,
        id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<ScopedToken, AuthError> {
        let row: Option<Row> = sqlx::query_as(&format!(
        "UPDATE {table} SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING {COLUMNS}",
        table = self.table
    ))
    .bind(id)
    .bind(now)
    .fetch_optional(pool)
    .await?;
        row.map(from_row).ok_or(AuthError::UnknownToken)
    }

    /// Every token of this kind, active ones first, newest first.
    pub async fn list(&self, pool: &PgPool) -> Result<Vec<ScopedToken>, AuthError> {
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM {table} ORDER BY revoked_at IS NOT NULL, created_at DESC",
            table = self.table
        ))
        .fetch_all(pool)
        .await?;
        Ok(rows.into_iter().map(from_row).collect())
    }
}
