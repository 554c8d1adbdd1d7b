//! API tokens: the bearer credential of the read-only JSON API (`/api/v1/`). Scoped like wall
//! tokens (clouds, accounts, regions, sites), expiring, revocable, stored as a SHA-256 digest;
//! the plain token is shown once, at creation. The prefix `gwa_` tells it apart from a wall
//! token, so one can never be used as the other.

use crate::scoped_token::{self, ScopedToken, TokenKind};
use crate::{AuthError, Scope};
use chrono::{DateTime, Utc};
use rand::RngCore;
use sqlx::PgPool;
use uuid::Uuid;

pub const PREFIX: &str = "gwa";
const KIND: TokenKind = TokenKind {
    table: "api_token",
    prefix: PREFIX,
};

pub type ApiToken = ScopedToken;

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
    scoped_token::create(&KIND, pool, name, scope, expires_at, created_by, now, rng).await
}

/// The token's record when it is well formed, known, not revoked and not expired; records
/// the use. Anything else is `None`: the caller answers 401 without saying which it was.
pub async fn resolve(
    pool: &PgPool,
    plain: &str,
    now: DateTime<Utc>,
) -> Result<Option<ApiToken>, AuthError> {
    scoped_token::resolve(&KIND, pool, plain, now).await
}

pub async fn revoke(pool: &PgPool, id: Uuid, now: DateTime<Utc>) -> Result<ApiToken, AuthError> {
    scoped_token::revoke(&KIND, pool, id, now).await
}

pub async fn list(pool: &PgPool) -> Result<Vec<ApiToken>, AuthError> {
    scoped_token::list(&KIND, pool).await
}
