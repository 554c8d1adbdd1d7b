//! API tokens: the bearer credential of the read-only JSON API (`/api/v1/`). Scoped like wall
//! tokens (clouds, accounts, regions, sites), expiring, revocable, stored as a SHA-256 digest;
//! the plain token is shown once, at creation. The prefix `gwa_` tells it apart from a wall
//! token, so one can never be used as the other.

use crate::{token, AuthError, Scope};
use chrono::{DateTime, Utc};
use rand::RngCore;
use sqlx::types::Json;
use sqlx::PgPool;
use uuid::Uuid;

pub const PREFIX: &str = "gwa";

#[derive(Clone, Debug, PartialEq)]
pub struct ApiToken {
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

fn from_row(r: Row) -> ApiToken {
    ApiToken {
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

/// Creates a token; returns it with the plain token (never stored, never shown again).
pub async fn create(
    pool: &PgPool,
    name: &str,
    scope: &Scope,
    expires_at: DateTime<Utc>,
    created_by: &str,
    now: DateTime<Utc>,
    rng: &mut impl RngCore,
) -> Result<(ApiToken, String), AuthError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(AuthError::InvalidTokenName("use 1–100 characters"));
    }
    if expires_at <= now {
        return Err(AuthError::InvalidExpiry("the expiry must be in the future"));
    }
    if expires_at > now + chrono::Duration::days(366) {
        return Err(AuthError::InvalidExpiry(
            "an API token lives at most a year",
        ));
    }
    let (plain, hash) = token::generate(PREFIX, rng);
    let row: Row = sqlx::query_as(&format!(
        "INSERT INTO api_token (id, name, token_hash, scope, expires_at, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {COLUMNS}"
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
/// the use. Anything else is `None`: the caller answers 401 without saying which it was.
pub async fn resolve(
    pool: &PgPool,
    plain: &str,
    now: DateTime<Utc>,
) -> Result<Option<ApiToken>, AuthError> {
    if !token::well_formed(PREFIX, plain) {
        return Ok(None);
    }
    let row: Option<Row> = sqlx::query_as(&format!(
        "UPDATE api_token SET last_used_at = $2
         WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2
         RETURNING {COLUMNS}"
    ))
    .bind(token::digest(plain))
    .bind(now)
    .fetch_optional(pool)
    .await?;
    Ok(row.map(from_row))
}

pub async fn revoke(pool: &PgPool, id: Uuid, now: DateTime<Utc>) -> Result<ApiToken, AuthError> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "UPDATE api_token SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING {COLUMNS}"
    ))
    .bind(id)
    .bind(now)
    .fetch_optional(pool)
    .await?;
    row.map(from_row).ok_or(AuthError::UnknownToken)
}

pub async fn list(pool: &PgPool) -> Result<Vec<ApiToken>, AuthError> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM api_token ORDER BY revoked_at IS NOT NULL, created_at DESC"
    ))
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(from_row).collect())
}
